package org.rdkzoo.evaluator.onnx;

/**
 * ONNX tensor element types ({@code TensorProto.DataType}), with the size of one element. The codes
 * are those of upstream onnx.proto; a code this enum does not know reads as {@link #UNDEFINED}.
 */
public enum DataType {
    UNDEFINED(0, 0),
    FLOAT(1, 4),
    UINT8(2, 1),
    INT8(3, 1),
    UINT16(4, 2),
    INT16(5, 2),
    INT32(6, 4),
    INT64(7, 8),
    STRING(8, 0),
    BOOL(9, 1),
    FLOAT16(10, 2),
    DOUBLE(11, 8),
    UINT32(12, 4),
    UINT64(13, 8),
    COMPLEX64(14, 8),
    COMPLEX128(15, 16),
    BFLOAT16(16, 2),
    FLOAT8E4M3FN(17, 1),
    FLOAT8E4M3FNUZ(18, 1),
    FLOAT8E5M2(19, 1),
    FLOAT8E5M2FNUZ(20, 1),
    UINT4(21, 0),
    INT4(22, 0);

    private static final DataType[] BY_CODE = new DataType[23];

    static {
        for (DataType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int bytes;

    DataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The {@code TensorProto.DataType} number. */
    public int code() {
        return code;
    }

    /**
     * Bytes per element in {@code raw_data}; 0 for strings and for the 4-bit types (two per byte),
     * whose size {@link #byteSize(long)} computes.
     */
    public int bytes() {
        return bytes;
    }

    /** Bytes that {@code elements} values of this type take in {@code raw_data}. */
    public long byteSize(long elements) {
        if (this == UINT4 || this == INT4) {
            return (elements + 1) / 2;
        }
        return elements * bytes;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT || this == DOUBLE || this == FLOAT16 || this == BFLOAT16;
    }

    public static DataType of(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNDEFINED;
    }
}
