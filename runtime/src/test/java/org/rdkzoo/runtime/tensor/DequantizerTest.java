package org.rdkzoo.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Hand-computed fixtures: bytes laid out as libdnn would, values worked out on paper. */
class DequantizerTest {

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void f32WithoutQuantizationIsReadAsIs() {
        TensorProperties p = TensorProperties.dense(Shape.of(1, 3, 1, 1), TensorLayout.NCHW, DataType.F32);
        ByteBuffer memory = le(12).putFloat(0, 0.5f).putFloat(4, -2.25f).putFloat(8, 1e-3f);
        assertArrayEquals(new float[] {0.5f, -2.25f, 1e-3f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void perTensorScaleWithZeroPoint() {
        // S8 [10, -4, 0] with scale 0.5, zero point -2: (10+2)*0.5 = 6, (-4+2)*0.5 = -1, (0+2)*0.5 = 1
        TensorProperties p = new TensorProperties(Shape.of(1, 3), Shape.of(1, 3), TensorLayout.NONE, DataType.S8,
                Quantization.scale(0, new float[] {0.5f}, new int[] {-2}), 3, new int[] {3, 1});
        ByteBuffer memory = le(3).put(0, (byte) 10).put(1, (byte) -4).put(2, (byte) 0);
        assertArrayEquals(new float[] {6f, -1f, 1f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void perAxisScaleOnTheChannelAxisWithZeroPoints() {
        // S8 NCHW 1x2x1x2: channel 0 scale 0.25 zp 1, channel 1 scale 2 zp -1.
        // data [5, 9 | -3, 0] -> [(5-1)*.25, (9-1)*.25 | (-3+1)*2, (0+1)*2] = [1, 2, -4, 2]
        TensorProperties p = new TensorProperties(Shape.of(1, 2, 1, 2), Shape.of(1, 2, 1, 2), TensorLayout.NCHW,
                DataType.S8, Quantization.scale(1, new float[] {0.25f, 2f}, new int[] {1, -1}), 4, new int[] {4, 2, 2, 1});
        ByteBuffer memory = le(4).put(0, (byte) 5).put(1, (byte) 9).put(2, (byte) -3).put(3, (byte) 0);
        assertArrayEquals(new float[] {1f, 2f, -4f, 2f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void perAxisScaleOnTheLastAxisWithoutZeroPoints() {
        // S32 NHWC 1x1x2x3, scales per C: [1, 0.5, 0.25]; rows [4, 4, 4], [-8, 2, 1] -> [4, 2, 1], [-8, 1, 0.25]
        TensorProperties p = new TensorProperties(Shape.of(1, 1, 2, 3), Shape.of(1, 1, 2, 3), TensorLayout.NHWC,
                DataType.S32, Quantization.scale(3, new float[] {1f, 0.5f, 0.25f}, null), 24, null);
        ByteBuffer memory = le(24);
        int[] data = {4, 4, 4, -8, 2, 1};
        for (int i = 0; i < data.length; i++) {
            memory.putInt(4 * i, data[i]);
        }
        assertArrayEquals(new float[] {4f, 2f, 1f, -8f, 1f, 0.25f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void shiftDividesByTwoToThePowerPerAxis() {
        // S16 1x2x2 shifts per axis 1: [1, 3]; data [6, -6 | 8, 12] -> [3, -3 | 1, 1.5]
        TensorProperties p = new TensorProperties(Shape.of(1, 2, 2), Shape.of(1, 2, 2), TensorLayout.NONE,
                DataType.S16, Quantization.shift(1, new int[] {1, 3}), 8, null);
        ByteBuffer memory = le(8).putShort(0, (short) 6).putShort(2, (short) -6).putShort(4, (short) 8)
                .putShort(6, (short) 12);
        assertArrayEquals(new float[] {3f, -3f, 1f, 1.5f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void paddedRowsAreSkippedByReadingThroughTheStride() {
        // S32 valid 2x3 in an aligned 2x4: row stride 16 bytes; padding holds 999, which must never appear.
        TensorProperties p = new TensorProperties(Shape.of(2, 3), Shape.of(2, 4), TensorLayout.NONE, DataType.S32,
                Quantization.scale(0, new float[] {0.5f}, null), 32, new int[] {16, 4});
        ByteBuffer memory = le(32);
        int[] aligned = {2, 4, 6, 999, -2, -4, -6, 999};
        for (int i = 0; i < aligned.length; i++) {
            memory.putInt(4 * i, aligned[i]);
        }
        assertArrayEquals(new float[] {1f, 2f, 3f, -1f, -2f, -3f}, Dequantizer.of(p).dequantize(memory));
    }

    @Test
    void unsetStrideFallsBackToDenseOverTheAlignedShape() {
        // U8 valid 1x2x2x2 in aligned 1x2x2x4, stride all zeros: row step 4, channel step 8.
        TensorProperties p = new TensorProperties(Shape.of(1, 2, 2, 2), Shape.of(1, 2, 2, 4), TensorLayout.NCHW,
                DataType.U8, Quantization.none(), 16, null);
        byte[] aligned = {1, 2, 0, 0, 3, 4, 0, 0, (byte) 200, (byte) 201, 0, 0, (byte) 255, 7, 0, 0};
        assertArrayEquals(new float[] {1, 2, 3, 4, 200, 201, 255, 7},
                Dequantizer.of(p).dequantize(ByteBuffer.wrap(aligned)));
    }

    @Test
    void unsignedAndWideTypesKeepTheirRange() {
        TensorProperties u16 = TensorProperties.dense(Shape.of(2), TensorLayout.NONE, DataType.U16);
        assertArrayEquals(new float[] {65535f, 1f}, Dequantizer.of(u16).dequantize(le(4).putShort(0, (short) -1)
                .putShort(2, (short) 1)));
        TensorProperties u32 = TensorProperties.dense(Shape.of(1), TensorLayout.NONE, DataType.U32);
        assertArrayEquals(new float[] {4294967295f}, Dequantizer.of(u32).dequantize(le(4).putInt(0, -1)));
        TensorProperties f16 = TensorProperties.dense(Shape.of(3), TensorLayout.NONE, DataType.F16);
        // half 0x3C00 = 1, 0xC000 = -2, 0x3555 ~ 0.33325
        assertArrayEquals(new float[] {1f, -2f, 0.333251953125f}, Dequantizer.of(f16).dequantize(le(6)
                .putShort(0, (short) 0x3C00).putShort(2, (short) 0xC000).putShort(4, (short) 0x3555)));
        TensorProperties f64 = TensorProperties.dense(Shape.of(1), TensorLayout.NONE, DataType.F64);
        assertArrayEquals(new float[] {-0.125f}, Dequantizer.of(f64).dequantize(le(8).putDouble(0, -0.125)));
    }

    @Test
    void writesIntoACallersArrayAndChecksItsLength() {
        TensorProperties p = TensorProperties.dense(Shape.of(2), TensorLayout.NONE, DataType.S8);
        float[] values = {9f, 9f, 9f};
        Dequantizer.of(p).dequantize(ByteBuffer.wrap(new byte[] {-1, 1}), values);
        assertArrayEquals(new float[] {-1f, 1f, 9f}, values);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dequantizer.of(p).dequantize(ByteBuffer.wrap(new byte[2]), new float[1]));
        assertEquals("destination holds 1 values, the tensor has 2", e.getMessage());
    }

    @Test
    void imagesAndPacked4BitTensorsAreNotValues() {
        TensorProperties nv12 = TensorProperties.dense(Shape.of(1, 3, 2, 2), TensorLayout.NCHW, DataType.NV12);
        assertThrows(IllegalArgumentException.class, () -> Dequantizer.of(nv12));
        TensorProperties s4 = new TensorProperties(Shape.of(4), Shape.of(4), TensorLayout.NONE, DataType.S4,
                Quantization.none(), 2, null);
        assertThrows(IllegalArgumentException.class, () -> Dequantizer.of(s4));
    }
}
