package org.rdkzoo.runtime.tensor;

/** Tensor layouts ({@code hbDNNTensorLayout} in {@code hb_dnn.h}), with their C values. */
public enum TensorLayout {
    /** {@code HB_DNN_LAYOUT_NHWC}. */
    NHWC(0),
    /** {@code HB_DNN_LAYOUT_NCHW}: the layout of the zoo's NV12 classifier inputs. */
    NCHW(2),
    /** {@code HB_DNN_LAYOUT_NONE}: a tensor without image semantics. */
    NONE(255);

    private final int code;

    TensorLayout(int code) {
        this.code = code;
    }

    /** The value of this layout in {@code hbDNNTensorLayout}. */
    public int code() {
        return code;
    }

    /**
     * The layout with this C value.
     *
     * @throws IllegalArgumentException if no layout has this value
     */
    public static TensorLayout fromCode(int code) {
        for (TensorLayout layout : values()) {
            if (layout.code == code) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown hbDNNTensorLayout " + code + " (expected 0 NHWC, 2 NCHW or 255 NONE)");
    }
}
