package org.rdkzoo.evaluator.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

import com.google.protobuf.ByteString;

/**
 * Reads tensor values out of a {@link TensorProto} and builds new ones. ONNX stores values either in
 * {@code raw_data} (fixed width, little-endian: Java's buffers default to big-endian, hence the
 * explicit order everywhere) or in the typed repeated fields; both are read.
 */
public final class Tensors {
    private Tensors() {
    }

    /** Number of elements: the product of the dims (1 for a scalar). */
    public static long elementCount(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        return n;
    }

    public static DataType dataType(TensorProto t) {
        return DataType.of(t.getDataType());
    }

    public static long[] dims(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The values as floats, whatever the numeric element type: floating types are converted, integer
     * types give their integer values (an int8 weight of -3 reads as -3.0f).
     *
     * @throws IllegalArgumentException for strings, complex, 4-bit and 8-bit float types, or data
     *         still stored outside the model (load the model with {@link OnnxModel#read} first)
     */
    public static float[] toFloats(TensorProto t) {
        DataType type = dataType(t);
        int n = checkedCount(t);
        float[] out = new float[n];
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = raw(t, type, n);
            for (int i = 0; i < n; i++) {
                out[i] = switch (type) {
                    case FLOAT -> b.getFloat();
                    case DOUBLE -> (float) b.getDouble();
                    case FLOAT16 -> halfToFloat(b.getShort());
                    case BFLOAT16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                    default -> rawInteger(b, type, t);
                };
            }
            return out;
        }
        switch (type) {
            case FLOAT -> copy(t, n, t.getFloatDataCount(), i -> t.getFloatData(i), out);
            case DOUBLE -> copy(t, n, t.getDoubleDataCount(), i -> (float) t.getDoubleData(i), out);
            case FLOAT16 -> copy(t, n, t.getInt32DataCount(), i -> halfToFloat((short) t.getInt32Data(i)), out);
            case BFLOAT16 -> copy(t, n, t.getInt32DataCount(), i -> Float.intBitsToFloat((t.getInt32Data(i) & 0xffff) << 16), out);
            case INT8, UINT8, INT16, UINT16, INT32, BOOL -> copy(t, n, t.getInt32DataCount(), i -> t.getInt32Data(i), out);
            case INT64 -> copy(t, n, t.getInt64DataCount(), i -> t.getInt64Data(i), out);
            case UINT32, UINT64 -> copy(t, n, t.getUint64DataCount(), i -> t.getUint64Data(i), out);
            default -> throw unsupported(t, type);
        }
        return out;
    }

    /** The values of an integer tensor (INT8...INT64, UINT8...UINT32, BOOL) as longs. */
    public static long[] toLongs(TensorProto t) {
        DataType type = dataType(t);
        int n = checkedCount(t);
        long[] out = new long[n];
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = raw(t, type, n);
            for (int i = 0; i < n; i++) {
                out[i] = rawInteger(b, type, t);
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case INT8, UINT8, INT16, UINT16, INT32, BOOL -> dataAt(t, t.getInt32DataCount(), i, t::getInt32Data);
                case INT64 -> dataAt(t, t.getInt64DataCount(), i, t::getInt64Data);
                case UINT32, UINT64 -> dataAt(t, t.getUint64DataCount(), i, t::getUint64Data);
                default -> throw unsupported(t, type);
            };
        }
        return out;
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // Subnormal (or zero): value = mant * 2^-24.
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** A FLOAT tensor in {@code raw_data}. */
    public static TensorProto floats(String name, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return tensor(name, DataType.FLOAT, dims, b.array());
    }

    /**
     * An integer tensor of the given type in {@code raw_data}; each value must fit the type (an
     * out-of-range value is a bug in the caller, not something to wrap silently).
     */
    public static TensorProto integers(String name, DataType type, long[] dims, long[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(type.byteSize(values.length))).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            checkRange(name, type, v);
            switch (type) {
                case INT8, UINT8, BOOL -> b.put((byte) v);
                case INT16, UINT16 -> b.putShort((short) v);
                case INT32, UINT32 -> b.putInt((int) v);
                case INT64, UINT64 -> b.putLong(v);
                default -> throw new IllegalArgumentException(name + ": " + type + " is not an integer type");
            }
        }
        return tensor(name, type, dims, b.array());
    }

    /** A FLOAT scalar (no dims), as QuantizeLinear's per-tensor scale must be. */
    public static TensorProto scalar(String name, float value) {
        return floats(name, new long[0], new float[] {value});
    }

    /** An integer scalar (no dims) of the given type. */
    public static TensorProto scalar(String name, DataType type, long value) {
        return integers(name, type, new long[0], new long[] {value});
    }

    private static TensorProto tensor(String name, DataType type, long[] dims, byte[] raw) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.code())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static void checkRange(String name, DataType type, long v) {
        long lo;
        long hi;
        switch (type) {
            case INT8 -> { lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; }
            case UINT8 -> { lo = 0; hi = 255; }
            case BOOL -> { lo = 0; hi = 1; }
            case INT16 -> { lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; }
            case UINT16 -> { lo = 0; hi = 65535; }
            case INT32 -> { lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; }
            case UINT32 -> { lo = 0; hi = 0xffffffffL; }
            default -> { lo = Long.MIN_VALUE; hi = Long.MAX_VALUE; }
        }
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + ": value " + v + " does not fit " + type);
        }
    }

    private static void checkCount(String name, long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException(name + ": " + count + " values for dims " + java.util.Arrays.toString(dims));
        }
    }

    private static int checkedCount(TensorProto t) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor '" + t.getName()
                    + "' keeps its data in an external file; read the model with OnnxModel.read(path)");
        }
        long n = elementCount(t);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + n + " elements, too many for an array");
        }
        return (int) n;
    }

    private static ByteBuffer raw(TensorProto t, DataType type, int n) {
        long expected = type.byteSize(n);
        if (type.bytes() == 0 || t.getRawData().size() != expected) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' (" + type + ", dims " + t.getDimsList()
                    + ") has " + t.getRawData().size() + " bytes of raw_data, expected " + expected);
        }
        return t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private interface FloatAt {
        float get(int i);
    }

    private interface LongAt {
        long get(int i);
    }

    private static void copy(TensorProto t, int n, int available, FloatAt at, float[] out) {
        if (available != n) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + available
                    + " stored values for dims " + t.getDimsList() + " (" + n + " elements)");
        }
        for (int i = 0; i < n; i++) {
            out[i] = at.get(i);
        }
    }

    /** The next element of an integer tensor's raw (little-endian) data, widened to long. */
    private static long rawInteger(ByteBuffer b, DataType type, TensorProto t) {
        return switch (type) {
            case INT8 -> b.get();
            case UINT8, BOOL -> b.get() & 0xff;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xffff;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xffffffffL;
            case INT64, UINT64 -> b.getLong();
            default -> throw unsupported(t, type);
        };
    }

    private static long dataAt(TensorProto t, int available, int i, LongAt at) {
        if (i >= available) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + available
                    + " stored values for dims " + t.getDimsList());
        }
        return at.get(i);
    }

    static IllegalArgumentException unsupported(TensorProto t, DataType type) {
        return new IllegalArgumentException("tensor '" + t.getName() + "' is " + type + ": no numeric conversion");
    }
}
