package org.rdkzoo.runtime.tensor;

/**
 * Element types of libdnn tensors ({@code hbDNNDataType} in {@code hb_dnn.h}), with their C values.
 * The six image types hold bytes; NV12 and NV12_SEPARATE are YUV 4:2:0 (a Y plane, then interleaved UV).
 */
public enum DataType {
    /** {@code HB_DNN_IMG_TYPE_Y}: a Y (luma) plane, one byte per pixel. */
    Y(0, 1, true),
    /** {@code HB_DNN_IMG_TYPE_NV12}: Y plane then interleaved UV plane, in one buffer. */
    NV12(1, 1, true),
    /** {@code HB_DNN_IMG_TYPE_NV12_SEPARATE}: NV12 with Y and UV in two buffers ({@code sysMem[0..1]}). */
    NV12_SEPARATE(2, 1, true),
    /** {@code HB_DNN_IMG_TYPE_YUV444}: three bytes per pixel, laid out per the tensor layout. */
    YUV444(3, 1, true),
    /** {@code HB_DNN_IMG_TYPE_RGB}. */
    RGB(4, 1, true),
    /** {@code HB_DNN_IMG_TYPE_BGR}. */
    BGR(5, 1, true),
    /** {@code HB_DNN_TENSOR_TYPE_S4}: packed 4-bit, not supported by rdkzoo's readers and writers. */
    S4(6, 0, false),
    /** {@code HB_DNN_TENSOR_TYPE_U4}: packed 4-bit, not supported by rdkzoo's readers and writers. */
    U4(7, 0, false),
    /** {@code HB_DNN_TENSOR_TYPE_S8}. */
    S8(8, 1, false),
    /** {@code HB_DNN_TENSOR_TYPE_U8}. */
    U8(9, 1, false),
    /** {@code HB_DNN_TENSOR_TYPE_F16}: IEEE 754 half precision. */
    F16(10, 2, false),
    /** {@code HB_DNN_TENSOR_TYPE_S16}. */
    S16(11, 2, false),
    /** {@code HB_DNN_TENSOR_TYPE_U16}. */
    U16(12, 2, false),
    /** {@code HB_DNN_TENSOR_TYPE_F32}: the usual output of the zoo's classifiers. */
    F32(13, 4, false),
    /** {@code HB_DNN_TENSOR_TYPE_S32}. */
    S32(14, 4, false),
    /** {@code HB_DNN_TENSOR_TYPE_U32}. */
    U32(15, 4, false),
    /** {@code HB_DNN_TENSOR_TYPE_F64}. */
    F64(16, 8, false),
    /** {@code HB_DNN_TENSOR_TYPE_S64}. */
    S64(17, 8, false),
    /** {@code HB_DNN_TENSOR_TYPE_U64}. */
    U64(18, 8, false);

    private static final DataType[] BY_CODE = values();

    private final int code;
    private final int byteSize;
    private final boolean image;

    DataType(int code, int byteSize, boolean image) {
        this.code = code;
        this.byteSize = byteSize;
        this.image = image;
    }

    /** The value of this type in {@code hbDNNDataType}. */
    public int code() {
        return code;
    }

    /** Bytes per element; 0 for the packed 4-bit types. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether this is one of the {@code HB_DNN_IMG_TYPE_*} image types. */
    public boolean isImage() {
        return image;
    }

    /** Whether the tensor is YUV 4:2:0 or its luma only (Y, NV12, NV12_SEPARATE): planes, not a dense array. */
    public boolean isYuv420() {
        return this == Y || this == NV12 || this == NV12_SEPARATE;
    }

    /** The constant's name in {@code hb_dnn.h}, e.g. {@code HB_DNN_IMG_TYPE_NV12}. */
    public String headerName() {
        return (image ? "HB_DNN_IMG_TYPE_" : "HB_DNN_TENSOR_TYPE_") + name();
    }

    /**
     * The type with this C value.
     *
     * @throws IllegalArgumentException if no type has this value
     */
    public static DataType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown hbDNNDataType " + code + " (expected 0.." + (BY_CODE.length - 1)
                    + ")");
        }
        return BY_CODE[code];
    }
}
