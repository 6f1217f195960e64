package org.rdkzoo.runtime.tensor;

/** How a tensor's integers map to real values ({@code hbDNNQuantiType} in {@code hb_dnn.h}; C values 0, 1, 2). */
public enum QuantiType {
    /** The data are the values (e.g. F32 outputs, the usual case for the zoo's classifiers). */
    NONE,
    /** {@code value = data / 2^shift}. */
    SHIFT,
    /** {@code value = (data - zeroPoint) * scale}. */
    SCALE;

    /** The value of this type in {@code hbDNNQuantiType}. */
    public int code() {
        return ordinal();
    }

    /**
     * The quantization type with this C value.
     *
     * @throws IllegalArgumentException if no type has this value
     */
    public static QuantiType fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("unknown hbDNNQuantiType " + code + " (expected 0 NONE, 1 SHIFT or 2 SCALE)");
        }
        return values()[code];
    }
}
