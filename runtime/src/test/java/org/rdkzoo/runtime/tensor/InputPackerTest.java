package org.rdkzoo.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class InputPackerTest {
    private static final byte P = (byte) 0xEE; // padding the packer must leave alone

    private static ByteBuffer filled(int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, P);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void nv12RowsLandAtTheAlignedWidthAndUvAfterTheAlignedHeight() {
        // valid 2x4, aligned 4x6 (NCHW): Y rows at 0 and 6, UV plane at 4*6 = 24, UV row of 4 bytes.
        TensorProperties p = new TensorProperties(Shape.of(1, 3, 2, 4), Shape.of(1, 3, 4, 6), TensorLayout.NCHW,
                DataType.NV12, Quantization.none(), 36, null);
        InputPacker packer = InputPacker.of(p);
        assertEquals(12, packer.denseByteSize());
        assertArrayEquals(new int[] {36}, packer.planeByteSizes());
        ByteBuffer plane = filled(36);
        packer.pack(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, plane);
        byte[] expected = {
            1, 2, 3, 4, P, P,
            5, 6, 7, 8, P, P,
            P, P, P, P, P, P,
            P, P, P, P, P, P,
            9, 10, 11, 12, P, P,
            P, P, P, P, P, P};
        assertArrayEquals(expected, plane.array());
    }

    @Test
    void nv12SeparatePutsYAndUvInTwoBuffersAndNhwcReadsHeightAndWidthFromDimensionsOneAndTwo() {
        TensorProperties p = new TensorProperties(Shape.of(1, 2, 2, 3), Shape.of(1, 2, 4, 3), TensorLayout.NHWC,
                DataType.NV12_SEPARATE, Quantization.none(), 0, null);
        InputPacker packer = InputPacker.of(p);
        assertArrayEquals(new int[] {8, 4}, packer.planeByteSizes());
        ByteBuffer y = filled(8);
        ByteBuffer uv = filled(4);
        packer.pack(new byte[] {1, 2, 3, 4, 5, 6}, y, uv);
        assertArrayEquals(new byte[] {1, 2, P, P, 3, 4, P, P}, y.array());
        assertArrayEquals(new byte[] {5, 6, P, P}, uv.array());
    }

    @Test
    void yImagesHaveNoUvPlane() {
        TensorProperties p = new TensorProperties(Shape.of(1, 1, 2, 2), Shape.of(1, 1, 2, 3), TensorLayout.NCHW,
                DataType.Y, Quantization.none(), 0, null);
        ByteBuffer plane = filled(6);
        InputPacker.of(p).pack(new byte[] {1, 2, 3, 4}, plane);
        assertArrayEquals(new byte[] {1, 2, P, 3, 4, P}, plane.array());
    }

    @Test
    void featureMapRowsFollowTheStrideIncludingAPaddedInnerStep() {
        // S16 valid 2x2 with stride [8, 4]: each element 2 bytes then 2 bytes of padding, rows 8 bytes apart.
        TensorProperties p = new TensorProperties(Shape.of(2, 2), Shape.of(2, 4), TensorLayout.NONE, DataType.S16,
                Quantization.none(), 16, new int[] {8, 4});
        ByteBuffer dense = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        dense.putShort(0, (short) 1).putShort(2, (short) 2).putShort(4, (short) 3).putShort(6, (short) -1);
        ByteBuffer plane = filled(16);
        InputPacker.of(p).pack(dense, plane);
        assertArrayEquals(new byte[] {1, 0, P, P, 2, 0, P, P, 3, 0, P, P, -1, -1, P, P}, plane.array());
        assertEquals(0, dense.position(), "the source position is left alone");
    }

    @Test
    void rgbNhwcIsADenseByteTensorWithAlignedRows() {
        TensorProperties p = new TensorProperties(Shape.of(1, 1, 2, 3), Shape.of(1, 1, 3, 3), TensorLayout.NHWC,
                DataType.RGB, Quantization.none(), 0, null);
        ByteBuffer plane = filled(9);
        InputPacker.of(p).pack(new byte[] {1, 2, 3, 4, 5, 6}, plane);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, P, P, P}, plane.array());
    }

    @Test
    void valuesAreQuantizedPerAxisWithRoundHalfToEvenAndClipping() {
        // U8 1x2x2, axis 1: scales [0.5, 2], zero points [10, 0].
        // [1.25, -20] -> 1.25/0.5+10 = 12.5 -> 12, -40+10 -> clip 0 ; [5, 999] -> 2.5 -> 2, 499.5 -> clip 255
        TensorProperties p = new TensorProperties(Shape.of(1, 2, 2), Shape.of(1, 2, 2), TensorLayout.NONE, DataType.U8,
                Quantization.scale(1, new float[] {0.5f, 2f}, new int[] {10, 0}), 4, null);
        ByteBuffer plane = filled(4);
        InputPacker.of(p).packValues(new float[] {1.25f, -20f, 5f, 999f}, plane);
        assertArrayEquals(new byte[] {12, 0, 2, (byte) 255}, plane.array());
    }

    @Test
    void shiftQuantizesByTwoToThePowerAndFloatsAreWrittenAsIs() {
        TensorProperties s8 = new TensorProperties(Shape.of(3), Shape.of(3), TensorLayout.NONE, DataType.S8,
                Quantization.shift(0, new int[] {2}), 3, null);
        ByteBuffer plane = filled(3);
        InputPacker.of(s8).packValues(new float[] {1.5f, -0.125f, 100f}, plane);
        assertArrayEquals(new byte[] {6, 0, 127}, plane.array(), "x * 4: 6, -0.5 -> -0, 400 -> 127");

        TensorProperties f32 = TensorProperties.dense(Shape.of(2), TensorLayout.NONE, DataType.F32);
        ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        InputPacker.of(f32).packValues(new float[] {0.1f, -3f}, floats);
        assertEquals(0.1f, floats.getFloat(0));
        assertEquals(-3f, floats.getFloat(4));
    }

    @Test
    void badInputsSayWhatWasExpected() {
        TensorProperties nv12 = TensorProperties.dense(Shape.of(1, 3, 2, 2), TensorLayout.NCHW, DataType.NV12);
        InputPacker packer = InputPacker.of(nv12);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> packer.pack(new byte[5], ByteBuffer.allocate(6)));
        assertEquals("NV12 input 1x3x2x2 takes 6 bytes, got 5", size.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> packer.pack(new byte[6], ByteBuffer.allocate(4)));
        assertEquals("NV12 input buffer 0 holds 4 bytes, needs 6", small.getMessage());
        TensorProperties odd = TensorProperties.dense(Shape.of(1, 3, 3, 2), TensorLayout.NCHW, DataType.NV12);
        IllegalArgumentException oddSize = assertThrows(IllegalArgumentException.class, () -> InputPacker.of(odd));
        assertEquals("an NV12 input needs an even height and width, not 3x2", oddSize.getMessage());
    }
}
