package org.rdkzoo.runtime.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a tensor's stored integers map to real values (the {@code quantiType}, {@code shift}, {@code scale} and
 * {@code quantizeAxis} fields of {@code hbDNNTensorProperties}).
 *
 * <p>With one scale (or shift) the rule applies to the whole tensor and {@code axis} is ignored; with several,
 * entry {@code k} applies to the elements whose coordinate along {@code axis} is {@code k}. Zero points follow
 * the scales (one zero point applies to every entry; none means zero).
 *
 * @param type       NONE, SHIFT or SCALE
 * @param axis       the quantized axis ({@code quantizeAxis}), used when there is more than one scale or shift
 * @param scales     {@code scaleData} (SCALE)
 * @param zeroPoints {@code zeroPointData} (SCALE; int8 in the header)
 * @param shifts     {@code shiftData} (SHIFT; uint8 in the header)
 */
public record Quantization(QuantiType type, int axis, float[] scales, int[] zeroPoints, int[] shifts) {
    private static final Quantization NONE = new Quantization(QuantiType.NONE, 0, new float[0], new int[0], new int[0]);

    public Quantization {
        Objects.requireNonNull(type, "type");
        scales = scales == null ? new float[0] : scales.clone();
        zeroPoints = zeroPoints == null ? new int[0] : zeroPoints.clone();
        shifts = shifts == null ? new int[0] : shifts.clone();
        if (type == QuantiType.SCALE && scales.length == 0) {
            throw new IllegalArgumentException("SCALE quantization without scales");
        }
        if (type == QuantiType.SCALE && zeroPoints.length > 1 && zeroPoints.length != scales.length) {
            throw new IllegalArgumentException(zeroPoints.length + " zero points for " + scales.length + " scales");
        }
        if (type == QuantiType.SHIFT && shifts.length == 0) {
            throw new IllegalArgumentException("SHIFT quantization without shifts");
        }
    }

    /** No quantization: the data are the values. */
    public static Quantization none() {
        return NONE;
    }

    /** {@code value = (data - zeroPoints[k]) * scales[k]}, {@code k} the coordinate along {@code axis}. */
    public static Quantization scale(int axis, float[] scales, int[] zeroPoints) {
        return new Quantization(QuantiType.SCALE, axis, scales, zeroPoints, null);
    }

    /** {@code value = data / 2^shifts[k]}, {@code k} the coordinate along {@code axis}. */
    public static Quantization shift(int axis, int[] shifts) {
        return new Quantization(QuantiType.SHIFT, axis, null, null, shifts);
    }

    /** Number of per-axis entries: scales for SCALE, shifts for SHIFT, 0 for NONE. */
    public int length() {
        return switch (type) {
            case NONE -> 0;
            case SHIFT -> shifts.length;
            case SCALE -> scales.length;
        };
    }

    /** Whether entries vary along {@link #axis()} (more than one scale or shift). */
    public boolean isPerAxis() {
        return length() > 1;
    }

    /** The multiplier of entry {@code k}: {@code scales[k]} or {@code 2^-shifts[k]}; 1 for NONE. */
    public double factor(int k) {
        return switch (type) {
            case NONE -> 1.0;
            case SHIFT -> Math.scalb(1.0, -shifts[k]);
            case SCALE -> scales[k];
        };
    }

    /** The zero point of entry {@code k} (0 unless SCALE with zero points). */
    public int zeroPoint(int k) {
        if (type != QuantiType.SCALE || zeroPoints.length == 0) {
            return 0;
        }
        return zeroPoints[zeroPoints.length == 1 ? 0 : k];
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public int[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public int[] shifts() {
        return shifts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantization q && type == q.type && axis == q.axis && Arrays.equals(scales, q.scales)
                && Arrays.equals(zeroPoints, q.zeroPoints) && Arrays.equals(shifts, q.shifts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, axis, Arrays.hashCode(scales), Arrays.hashCode(zeroPoints), Arrays.hashCode(shifts));
    }

    @Override
    public String toString() {
        return switch (type) {
            case NONE -> "NONE";
            case SHIFT -> "SHIFT(axis=" + axis + ", shifts=" + Arrays.toString(shifts) + ")";
            case SCALE -> "SCALE(axis=" + axis + ", scales=" + Arrays.toString(scales) + ", zeroPoints="
                    + Arrays.toString(zeroPoints) + ")";
        };
    }
}
