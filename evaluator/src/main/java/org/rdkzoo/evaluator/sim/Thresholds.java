package org.rdkzoo.evaluator.sim;

/**
 * The clipping threshold T of one tensor's symmetric quantization ({@code scale = T / 127} for int8), from its
 * calibration {@link Histogram}, by each {@link CalibrationMethod}. Pure functions.
 *
 * <ul>
 * <li><b>max</b>: the largest magnitude seen, max|x|.</li>
 * <li><b>percentile</b>: the {@code p} quantile of |x| (hb_mapper's {@code max_percentile}), interpolated
 * linearly inside its histogram bin, never above max|x|.</li>
 * <li><b>kl</b>: TensorRT's entropy calibration (S. Migacz, "8-bit Inference with TensorRT", GTC 2017; the
 * form of NVIDIA's pytorch-quantization {@code _compute_amax_entropy}) over 2048 bins on [0, max|x|]: for
 * every candidate number of kept bins {@code i} from 128 to the last non-empty bin, P is the histogram cut at
 * {@code i} with the clipped tail added to its last bin, Q is the first {@code i} bins (without the tail)
 * merged into 128 nearly equal groups and spread back over the bins that P has non-empty; the threshold is the
 * upper edge {@code i * width} of the {@code i} that minimises KL(P || Q). Sparse histograms keep max.</li>
 * <li><b>mix</b>: of the max and kl thresholds, the one with the smaller expected squared error over the
 * histogram ({@link #expectedSquaredError}).</li>
 * </ul>
 */
public final class Thresholds {
    /** Quantized levels on one side of zero for symmetric int8: TensorRT's 128 bins of |x|. */
    public static final int INT8_LEVELS = 128;
    /** TensorRT's histogram: 2048 bins over [0, max|x|]. */
    public static final int KL_BINS = 2048;
    /** Fewer values than this over the calibration set and kl keeps max (four per bin of the histogram). */
    public static final int KL_MIN_VALUES = 4 * KL_BINS;

    private Thresholds() {
    }

    /** The threshold a method gives; {@link CalibrationMethod#DEFAULT} is a search, not a threshold. */
    public static double of(CalibrationMethod method, Histogram h, double maxPercentile) {
        return switch (method) {
            case MAX -> max(h);
            case PERCENTILE -> percentile(h, maxPercentile);
            case KL -> kl(h);
            case MIX -> mix(h);
            case DEFAULT -> throw new IllegalArgumentException("'default' searches over methods; pick one per candidate");
        };
    }

    public static double max(Histogram h) {
        return h.absMax();
    }

    /**
     * The {@code p} quantile of |x|.
     *
     * @param p in (0, 1]; 1 gives max|x|
     */
    public static double percentile(Histogram h, double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("max_percentile must be in (0, 1], was " + p);
        }
        if (p == 1 || h.count() == 0 || h.binWidth() == 0) {
            return h.absMax();
        }
        double target = p * h.count();
        long cumulative = h.zeros();
        if (cumulative >= target) {
            return 0;
        }
        for (int i = 0; i < Histogram.BINS; i++) {
            long c = h.bin(i);
            if (c > 0 && cumulative + c >= target) {
                double fraction = (target - cumulative) / c;
                return Math.min(h.absMax(), (i + fraction) * h.binWidth());
            }
            cumulative += c;
        }
        return h.absMax();
    }

    /** TensorRT's KL-divergence threshold for 128 int8 levels. */
    public static double kl(Histogram h) {
        return kl(h, INT8_LEVELS);
    }

    /**
     * The KL-divergence threshold for {@code levels} quantized levels (128 for int8), over the histogram
     * re-binned to TensorRT's {@value #KL_BINS} bins on {@code [0, max|x|]}, exact zeros left out. A tensor with
     * fewer than {@value #KL_MIN_VALUES} non-zero values over the whole calibration set (a squeeze-and-excite vector: one value
     * per channel and sample) has too sparse a histogram for the divergence to mean anything: it keeps max.
     */
    public static double kl(Histogram h, int levels) {
        double max = h.absMax();
        if (h.count() - h.zeros() < KL_MIN_VALUES || max == 0) {
            return max;
        }
        double[] bins = h.spread(KL_BINS, max);
        int last = KL_BINS;
        while (last > 0 && bins[last - 1] == 0) {
            last--;
        }
        if (last <= levels) {
            // Fewer occupied bins than levels: every value is representable, nothing to clip.
            return max;
        }
        double width = max / KL_BINS;
        double[] p = new double[last];
        double[] q = new double[last];
        double tail = 0;
        for (int i = levels; i < last; i++) {
            tail += bins[i];
        }
        double best = Double.POSITIVE_INFINITY;
        int bestI = last;
        for (int i = levels; i <= last; i++) {
            if (i > levels) {
                tail -= bins[i - 1];
            }
            double divergence = divergence(bins, i, Math.max(0, tail), levels, p, q);
            if (divergence < best) {
                best = divergence;
                bestI = i;
            }
        }
        return Math.min(max, bestI * width);
    }

    /** KL(P || Q) for keeping {@code i} bins; {@code tail} holds the counts of the bins from {@code i} on. */
    private static double divergence(double[] bins, int i, double tail, int levels, double[] p, double[] q) {
        double pSum = 0;
        for (int k = 0; k < i; k++) {
            p[k] = bins[k];
            pSum += bins[k];
        }
        p[i - 1] += tail;
        pSum += tail;
        if (pSum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // Merge the i bins into `levels` groups of i / levels bins each (bin k joins group k * levels / i, so the
        // groups differ by at most one bin, as numpy.digitize over linspace(0, i, levels + 1) makes them), then
        // spread each group's total over its bins that P has non-empty. Q counts the bins only: the clipped
        // tail that P piles into its last bin is what Q cannot represent.
        double qSum = 0;
        int start = 0;
        for (int j = 0; j < levels; j++) {
            int stop = (int) (((long) (j + 1) * i + levels - 1) / levels);
            double total = 0;
            int nonEmpty = 0;
            for (int k = start; k < stop; k++) {
                total += bins[k];
                if (p[k] != 0) {
                    nonEmpty++;
                }
            }
            for (int k = start; k < stop; k++) {
                q[k] = p[k] != 0 && nonEmpty > 0 ? total / nonEmpty : 0;
                qSum += q[k];
            }
            start = stop;
        }
        if (qSum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double kl = 0;
        for (int k = 0; k < i; k++) {
            if (p[k] == 0) {
                continue;
            }
            double pk = p[k] / pSum;
            // Q can be empty where P holds the clipped tail alone: a tiny floor keeps the divergence finite
            // and large (MXNet smooths the same way).
            double qk = Math.max(q[k] / qSum, 1e-12);
            kl += pk * Math.log(pk / qk);
        }
        return kl;
    }

    /** mix: whichever of max and kl has the smaller {@link #expectedSquaredError} for int8. */
    public static double mix(Histogram h) {
        double byMax = max(h);
        double byKl = kl(h);
        return expectedSquaredError(h, byKl, 127) < expectedSquaredError(h, byMax, 127) ? byKl : byMax;
    }

    /**
     * The mean squared error that symmetric quantization with threshold {@code t} and {@code levels} steps on
     * each side makes on the histogram's values, each bin taken at its centre: rounding noise {@code step^2 / 12}
     * for values inside the range, the squared clipping distance for values beyond it; exact zeros make no
     * error.
     */
    public static double expectedSquaredError(Histogram h, double t, int levels) {
        if (h.count() == 0) {
            return 0;
        }
        double step = t / levels;
        double rounding = step * step / 12;
        double sum = 0;
        for (int i = 0; i < Histogram.BINS; i++) {
            long c = h.bin(i);
            if (c == 0) {
                continue;
            }
            double x = (i + 0.5) * h.binWidth();
            sum += c * (x <= t ? rounding : (x - t) * (x - t));
        }
        return sum / h.count();
    }
}
