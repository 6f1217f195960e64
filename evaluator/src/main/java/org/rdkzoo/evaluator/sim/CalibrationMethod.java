package org.rdkzoo.evaluator.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an activation's int8 range is chosen from its calibration statistics, after hb_mapper's
 * {@code calibration_type} (and {@code max_percentile}, which hb_mapper applies to {@code max}).
 */
public enum CalibrationMethod {
    /** The largest |x| seen: nothing is clipped. */
    MAX("max"),
    /** The {@code max_percentile} quantile of |x|: the rarest values are clipped. */
    PERCENTILE("percentile"),
    /** The threshold whose int8 histogram loses least information (KL divergence; TensorRT's entropy method). */
    KL("kl"),
    /** Per tensor, whichever of max and kl gives the smaller expected squared quantization error. */
    MIX("mix"),
    /** hb_mapper's search: max, percentile and kl with and without per-channel and asymmetric, by output cosine. */
    DEFAULT("default");

    private final String id;

    CalibrationMethod(String id) {
        this.id = id;
    }

    /** The name hb_mapper's {@code calibration_type} uses ({@code percentile} is {@code max} with a percentile). */
    public String id() {
        return id;
    }

    /**
     * Parses a method name, as the command line and hb_mapper configs write it ({@code max}, {@code kl}, ...).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static CalibrationMethod parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (CalibrationMethod m : values()) {
            if (m.id.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown calibration method '" + name + "', expected one of "
                + String.join(", ", Arrays.stream(values()).map(CalibrationMethod::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
