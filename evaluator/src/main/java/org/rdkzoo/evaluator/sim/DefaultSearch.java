package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * hb_mapper's {@code calibration_type: default}, emulated. Its log states the grid and the rule:
 * "calibration_type: ['max', 'kl'], max_percentile: [0.99995, 1.0], per_channel: [True, False], asymmetric:
 * [True, False]; modelwise search similarity: 0.995, metric: cosine-similarity", then names the choice
 * ("Select max method."). The order in which it walks the grid is not documented; this search tries the
 * simplest candidates first and stops at the first whose output cosine on the calibration samples reaches
 * {@value #TARGET}: max, then max with percentile 0.99995, then kl, each with per-tensor then per-channel
 * weights, each symmetric then asymmetric. When none reaches it, the best one is taken. Every candidate tried
 * is recorded with its cosine.
 */
public final class DefaultSearch {
    /** hb_mapper's "modelwise search similarity". */
    public static final double TARGET = 0.995;

    /** One candidate and its output cosine ({@code NaN} when not tried). */
    public record Candidate(String method, double maxPercentile, boolean perChannel, boolean asymmetric,
            double cosine) {
        /** As hb_mapper would log the choice: {@code max}, {@code max (max_percentile 0.99995)}, {@code kl}. */
        public String describe() {
            return method + (maxPercentile < 1 ? " (max_percentile " + maxPercentile + ")" : "")
                    + (perChannel ? ", per_channel" : "") + (asymmetric ? ", asymmetric" : "");
        }
    }

    /**
     * @param selected   the model built with the chosen settings
     * @param candidates every candidate tried, in order
     * @param chosen     the index of the chosen one
     * @param reached    whether it reached {@link #TARGET}
     */
    public record Result(SimModel selected, List<Candidate> candidates, int chosen, boolean reached) {
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** "Select max method." as hb_mapper words it, with the cosine. */
        public String selection() {
            Candidate c = candidates.get(chosen);
            return String.format(java.util.Locale.ROOT, "Select %s method (output cosine %.6f%s).", c.describe(),
                    c.cosine(), reached ? "" : ", below the " + TARGET + " target: the best of " + candidates.size());
        }
    }

    private DefaultSearch() {
    }

    /** The grid in the order it is tried. */
    public static List<QuantSettings> grid(QuantSettings base) {
        List<QuantSettings> grid = new ArrayList<>();
        for (CalibrationMethod m : List.of(CalibrationMethod.MAX, CalibrationMethod.PERCENTILE, CalibrationMethod.KL)) {
            for (boolean perChannel : new boolean[] {false, true}) {
                for (boolean asymmetric : new boolean[] {false, true}) {
                    grid.add(base.withMethod(m, m == CalibrationMethod.PERCENTILE ? QuantSettings.DEFAULT_PERCENTILE : 1.0)
                            .withPerChannel(perChannel).withAsymmetric(asymmetric));
                }
            }
        }
        return grid;
    }

    /**
     * Runs the search.
     *
     * @param base      settings whose node overrides every candidate keeps (method, per-channel and asymmetric
     *                  are the search's)
     * @param builder   builds a candidate model
     * @param reference the float outputs on the samples the candidates are scored on
     */
    public static Result run(QuantSettings base, ModelBuilder builder, ReferenceOutputs reference, SimProgress progress)
            throws IOException {
        List<QuantSettings> grid = grid(base);
        List<Candidate> tried = new ArrayList<>();
        SimModel best = null;
        int bestIndex = -1;
        double bestCosine = Double.NEGATIVE_INFINITY;
        progress.begin("default search", grid.size());
        try {
            for (QuantSettings s : grid) {
                SimModel m = builder.build(s);
                double cosine = reference.cosine(m.model());
                tried.add(new Candidate(s.method() == CalibrationMethod.KL ? "kl" : "max", s.maxPercentile(),
                        s.perChannel(), s.asymmetric(), cosine));
                progress.step(tried.get(tried.size() - 1).describe());
                if (best == null || cosine > bestCosine) {
                    bestCosine = cosine;
                    best = m;
                    bestIndex = tried.size() - 1;
                }
                if (cosine >= TARGET) {
                    return new Result(m, tried, tried.size() - 1, true);
                }
            }
        } finally {
            progress.end();
        }
        return new Result(best, tried, bestIndex, false);
    }

    /** Builds the simulated model for a candidate's settings. */
    @FunctionalInterface
    public interface ModelBuilder {
        SimModel build(QuantSettings settings) throws IOException;
    }
}
