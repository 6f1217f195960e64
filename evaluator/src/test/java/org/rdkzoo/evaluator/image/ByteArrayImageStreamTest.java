package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class ByteArrayImageStreamTest {
    private final byte[] data = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};

    @Test
    void readsTheBytesInOrderThenReportsTheEnd() throws Exception {
        try (ByteArrayImageStream in = new ByteArrayImageStream(data)) {
            assertEquals(7, in.length());
            assertEquals(0xFF, in.read());
            byte[] b = new byte[10];
            assertEquals(6, in.read(b, 2, 8));
            assertArrayEquals(new byte[] {0, 0, (byte) 0xD8, 1, 2, 3, 4, 5, 0, 0}, b);
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(b, 0, 1));
            assertEquals(0, in.read(b, 0, 0));
        }
    }

    @Test
    void seeksAndReadsMultiByteValuesAsImageIoExpects() throws Exception {
        try (ByteArrayImageStream in = new ByteArrayImageStream(data)) {
            in.seek(2);
            in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x0201, in.readUnsignedShort());
            assertEquals(4, in.getStreamPosition());
            in.seek(0);
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
            assertEquals(0xFFD8, in.readUnsignedShort());
            in.seek(100);
            assertEquals(-1, in.read());
        }
    }

    @Test
    void refusesARangeOutsideTheBuffer() {
        ByteArrayImageStream in = new ByteArrayImageStream(data);
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[4], 2, 3));
    }
}
