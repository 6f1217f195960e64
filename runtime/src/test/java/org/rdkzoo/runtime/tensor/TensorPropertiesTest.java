package org.rdkzoo.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorPropertiesTest {

    @Test
    void byteStridesAreTheStrideFieldWhenSetElseDenseOverTheAlignedShape() {
        TensorProperties set = new TensorProperties(Shape.of(1, 1000, 1, 1), Shape.of(1, 1000, 1, 1),
                TensorLayout.NCHW, DataType.F32, Quantization.none(), 4000, new int[] {4000, 4, 4, 4});
        assertArrayEquals(new long[] {4000, 4, 4, 4}, set.byteStrides());
        TensorProperties unset = new TensorProperties(Shape.of(1, 2, 3), Shape.of(1, 4, 8), TensorLayout.NONE,
                DataType.S16, Quantization.none(), 0, null);
        assertArrayEquals(new long[] {64, 16, 2}, unset.byteStrides());
    }

    @Test
    void planeSizesCoverTheAlignedImageAndNeverFallBelowAlignedByteSize() {
        TensorProperties nv12 = new TensorProperties(Shape.of(1, 3, 224, 224), Shape.of(1, 3, 224, 256),
                TensorLayout.NCHW, DataType.NV12, Quantization.none(), 0, null);
        assertArrayEquals(new int[] {224 * 256 * 3 / 2}, nv12.planeByteSizes());
        assertEquals(224 * 224 * 3 / 2, nv12.denseByteSize());
        TensorProperties reported = new TensorProperties(Shape.of(1, 4), Shape.of(1, 4), TensorLayout.NONE,
                DataType.F32, Quantization.none(), 64, new int[] {16, 4});
        assertArrayEquals(new int[] {64}, reported.planeByteSizes());
    }

    @Test
    void inconsistentPropertiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TensorProperties(Shape.of(1, 4), Shape.of(1, 3),
                TensorLayout.NONE, DataType.F32, Quantization.none(), 0, null));
        IllegalArgumentException perAxis = assertThrows(IllegalArgumentException.class,
                () -> new TensorProperties(Shape.of(1, 3), Shape.of(1, 3), TensorLayout.NONE, DataType.S8,
                        Quantization.scale(1, new float[] {1, 2}, null), 0, null));
        assertEquals("2 per-axis entries on axis 1 of shape 1x3 (expected one per element of that axis)",
                perAxis.getMessage());
    }

    @Test
    void valuesWithArraysCompareByContent() {
        TensorProperties a = new TensorProperties(Shape.of(1, 2), Shape.of(1, 2), TensorLayout.NONE, DataType.S8,
                Quantization.scale(1, new float[] {1, 2}, new int[] {0, 1}), 2, new int[] {2, 1});
        TensorProperties b = new TensorProperties(Shape.of(1, 2), Shape.of(1, 2), TensorLayout.NONE, DataType.S8,
                Quantization.scale(1, new float[] {1, 2}, new int[] {0, 1}), 2, new int[] {2, 1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withStride(new int[] {4, 1}));
        assertEquals("1x3x224x224", Shape.parse("1x3x224x224").toString());
        assertEquals(DataType.F32, DataType.fromCode(13));
        assertEquals("HB_DNN_IMG_TYPE_NV12", DataType.NV12.headerName());
        assertEquals(TensorLayout.NCHW, TensorLayout.fromCode(2));
    }

    @Test
    void halfPrecisionRoundTripsAndRoundsToNearestEven() {
        assertEquals((short) 0x3C00, Elements.floatToHalf(1f));
        assertEquals((short) 0xC000, Elements.floatToHalf(-2f));
        assertEquals((short) 0x7C00, Elements.floatToHalf(70000f), "overflow is infinity");
        assertEquals((short) 0x0001, Elements.floatToHalf(0x1p-24f), "smallest subnormal");
        // 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties to even -> 1
        assertEquals((short) 0x3C00, Elements.floatToHalf(1f + 0x1p-11f));
        for (float f : new float[] {0f, 0.5f, -65504f, 0x1p-24f, 3.140625f}) {
            assertEquals(f, Elements.halfToFloat(Elements.floatToHalf(f)));
        }
    }
}
