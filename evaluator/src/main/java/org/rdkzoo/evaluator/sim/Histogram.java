package org.rdkzoo.evaluator.sim;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A streaming histogram of one tensor's magnitudes |x| over a calibration set, with the signed extremes: what
 * every calibration method needs, in constant memory however many samples stream through.
 *
 * <p>{@value #BINS} equal bins cover {@code [0, range)}. The range is set by the first non-zero values and
 * doubles (merging neighbouring bins in pairs) whenever a larger magnitude arrives, as ONNX Runtime's
 * calibrator does, so one pass suffices; at the end the largest magnitude lies in the upper half of the range,
 * so at least 2048 bins resolve {@code [0, max|x|]}, as finely as TensorRT's two-pass histogram
 * ({@link #spread} re-bins to exactly that). Exact zeros (the half of a ReLU's input it clips) are counted apart
 * from the bins, as pytorch-quantization's {@code skip_zeros} does: they are exactly representable at any scale,
 * and piled into bin 0 they would make the entropy calibration take every wider grouping of the small bins for a
 * loss. Non-finite values are counted apart and otherwise ignored.
 *
 * <p>Not thread-safe.
 */
public final class Histogram {
    /** Bins over the magnitude range: twice TensorRT's 2048, so that 2048 remain after the range doubles. */
    public static final int BINS = 4096;

    private final long[] counts = new long[BINS];
    private double width;
    private long count;
    private long zeros;
    private long nonFinite;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Figures derived from the bins (thresholds), forgotten when a value is added. */
    private final Map<String, Double> derived = new HashMap<>();

    /** Adds {@code length} values of {@code values} from {@code offset}. */
    public void add(float[] values, int offset, int length) {
        add(FloatBuffer.wrap(values, offset, length));
    }

    public void add(float[] values) {
        add(values, 0, values.length);
    }

    /** Adds the buffer's remaining values (its position does not move). */
    public void add(FloatBuffer values) {
        derived.clear();
        int from = values.position();
        int to = values.limit();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = values.get(i);
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        boolean allFinite = Float.isFinite(lo) && Float.isFinite(hi);
        if (!allFinite) {
            // Rare: recompute the extremes over the finite values only.
            lo = Float.POSITIVE_INFINITY;
            hi = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                float v = values.get(i);
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo <= hi) {
            min = Math.min(min, lo);
            max = Math.max(max, hi);
            grow(Math.max(Math.abs(lo), Math.abs(hi)));
        }
        double inverse = width > 0 ? 1.0 / width : 0;
        long[] c = counts;
        long zero = 0;
        long skipped = 0;
        for (int i = from; i < to; i++) {
            float v = values.get(i);
            if (v == 0) {
                zero++;
            } else if (!allFinite && !Float.isFinite(v)) {
                skipped++;
            } else {
                int bin = (int) (Math.abs(v) * inverse);
                c[bin < BINS ? bin : BINS - 1]++;
            }
        }
        zeros += zero;
        nonFinite += skipped;
        count += to - from - skipped;
    }

    /** Makes the range hold {@code magnitude}: set it on the first non-zero value, then double as needed. */
    private void grow(double magnitude) {
        if (magnitude <= 0) {
            return;
        }
        if (width == 0) {
            width = magnitude / BINS;
            return;
        }
        while (magnitude > width * BINS) {
            for (int i = 0; i < BINS / 2; i++) {
                counts[i] = counts[2 * i] + counts[2 * i + 1];
            }
            java.util.Arrays.fill(counts, BINS / 2, BINS, 0);
            width *= 2;
        }
    }

    /** Values counted (finite ones), zeros included. */
    public long count() {
        return count;
    }

    /** Exact zeros among them, which the bins leave out. */
    public long zeros() {
        return zeros;
    }

    /** Non-finite values seen (NaN, infinities), not counted in the bins. */
    public long nonFinite() {
        return nonFinite;
    }

    /** The width of one bin; 0 while every value was zero. */
    public double binWidth() {
        return width;
    }

    /** The count in bin {@code i}, which holds magnitudes in {@code [i * width, (i + 1) * width)} except 0. */
    public long bin(int i) {
        return counts[i];
    }

    /** A copy of the bin counts. */
    public long[] bins() {
        return counts.clone();
    }

    /** The largest magnitude seen, 0 when none. */
    public double absMax() {
        return count == 0 ? 0 : Math.max(Math.abs(min), Math.abs(max));
    }

    /** The smallest value seen; 0 when none. */
    public double min() {
        return count == 0 ? 0 : min;
    }

    /** The largest value seen; 0 when none. */
    public double max() {
        return count == 0 ? 0 : max;
    }

    /**
     * The counts re-binned into {@code bins} equal bins over {@code [0, range)}, each fine bin's count shared
     * between the coarse bins it overlaps in proportion to the overlap (values are taken as spread evenly
     * inside a bin); counts beyond the range go to the last bin.
     */
    public double[] spread(int bins, double range) {
        double[] out = new double[bins];
        if (width == 0 || range <= 0) {
            return out;
        }
        double coarse = range / bins;
        for (int i = 0; i < BINS; i++) {
            long c = counts[i];
            if (c == 0) {
                continue;
            }
            double lo = i * width / coarse;
            double hi = (i + 1) * width / coarse;
            int first = (int) lo;
            if (first >= bins) {
                out[bins - 1] += c;
                continue;
            }
            int last = (int) Math.min(Math.ceil(hi) - 1, bins - 1);
            if (first >= last) {
                out[first] += c;
                continue;
            }
            double span = hi - lo;
            for (int k = first; k <= last; k++) {
                double overlap = Math.min(hi, k + 1) - Math.max(lo, k);
                if (k == bins - 1) {
                    overlap = hi - Math.max(lo, k);
                }
                out[k] += c * overlap / span;
            }
        }
        return out;
    }

    /** A figure derived from this histogram, computed once until values are added (kl takes milliseconds). */
    synchronized double remembered(String key, DoubleSupplier compute) {
        Double known = derived.get(key);
        if (known == null) {
            known = compute.getAsDouble();
            derived.put(key, known);
        }
        return known;
    }
}
