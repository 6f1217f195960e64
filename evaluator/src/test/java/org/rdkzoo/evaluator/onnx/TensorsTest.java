package org.rdkzoo.evaluator.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

import com.google.protobuf.ByteString;

class TensorsTest {
    @Test
    void rawDataIsReadLittleEndian() {
        // 1.0f is 0x3f800000: little-endian bytes 00 00 80 3f.
        TensorProto t = TensorProto.newBuilder().setName("t").setDataType(DataType.FLOAT.code()).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0})).build();
        assertArrayEquals(new float[] {1f, -2f}, Tensors.toFloats(t));
    }

    @Test
    void typedFieldsAreReadWhenThereIsNoRawData() {
        TensorProto f = TensorProto.newBuilder().setName("f").setDataType(DataType.FLOAT.code()).addDims(3)
                .addFloatData(1.5f).addFloatData(-2f).addFloatData(0f).build();
        assertArrayEquals(new float[] {1.5f, -2f, 0f}, Tensors.toFloats(f));
        TensorProto i8 = TensorProto.newBuilder().setName("i").setDataType(DataType.INT8.code()).addDims(2)
                .addInt32Data(-128).addInt32Data(127).build();
        assertArrayEquals(new long[] {-128, 127}, Tensors.toLongs(i8));
        TensorProto i64 = TensorProto.newBuilder().setName("s").setDataType(DataType.INT64.code()).addDims(2)
                .addInt64Data(1).addInt64Data(-1).build();
        assertArrayEquals(new float[] {1f, -1f}, Tensors.toFloats(i64));
    }

    @Test
    void halfFloatsConvertExactly() {
        assertEquals(1f, Tensors.halfToFloat((short) 0x3c00));
        assertEquals(-2f, Tensors.halfToFloat((short) 0xc000));
        assertEquals(65504f, Tensors.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Tensors.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Tensors.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(Tensors.halfToFloat((short) 0x7e00)));
    }

    @Test
    void builtTensorsReadBack() {
        assertArrayEquals(new float[] {0.5f, -3f}, Tensors.toFloats(Tensors.floats("a", new long[] {2}, new float[] {0.5f, -3f})));
        assertArrayEquals(new long[] {-5, 200}, Tensors.toLongs(Tensors.integers("b", DataType.INT16, new long[] {2}, new long[] {-5, 200})));
        assertArrayEquals(new long[] {255}, Tensors.toLongs(Tensors.scalar("c", DataType.UINT8, 255)));
        assertEquals(0, Tensors.scalar("d", 1f).getDimsCount());
    }

    @Test
    void mismatchedSizesAndRangesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Tensors.floats("a", new long[] {3}, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> Tensors.integers("b", DataType.INT8, new long[] {1}, new long[] {128}));
        TensorProto shortRaw = TensorProto.newBuilder().setName("r").setDataType(DataType.FLOAT.code()).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[4])).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensors.toFloats(shortRaw));
        assertTrue(e.getMessage().contains("expected 8"), e.getMessage());
    }
}
