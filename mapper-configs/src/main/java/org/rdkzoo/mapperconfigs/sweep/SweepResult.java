package org.rdkzoo.mapperconfigs.sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStatus;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;

/**
 * What a sweep did with each combination, and the ranking of those that produced a table.
 *
 * @param points one entry per combination, in grid order
 */
public record SweepResult(List<Point> points) {
    /** What happened to one combination. */
    public enum Fate {
        /** The validator rejected it; nothing ran. */
        SKIPPED,
        /** An experiment had already done this exact run successfully; it was reused. */
        DONE_BEFORE,
        /** It ran in this sweep. */
        RAN,
        /** The sweep was stopped before it started. */
        NOT_RUN
    }

    /**
     * @param point        the combination
     * @param fate         what happened
     * @param experimentId the experiment that holds its result, or null
     * @param status       that experiment's status, or null
     * @param outputCosine its lowest output cosine, or null
     * @param worstLayers  its lowest-cosine layers
     * @param reasons      why it was skipped or failed
     */
    public record Point(SweepPoint point, Fate fate, String experimentId, ExperimentStatus status, Double outputCosine,
            List<LayerSimilarity> worstLayers, List<String> reasons) {

        /** Rejected by the validator: the reasons are the messages of its errors. */
        static Point skipped(SweepPoint p, List<Diagnostic> errors) {
            return new Point(p, Fate.SKIPPED, null, null, null, List.of(),
                    errors.stream().map(Diagnostic::message).distinct().toList());
        }
    }

    public SweepResult {
        points = List.copyOf(points);
    }

    /** Combinations with a succeeded experiment, best output cosine first. */
    public List<Point> ranked() {
        return points.stream()
                .filter(p -> p.status() == ExperimentStatus.SUCCEEDED && p.outputCosine() != null)
                .sorted(Comparator.comparingDouble(Point::outputCosine).reversed())
                .toList();
    }

    public long count(Fate fate) {
        return points.stream().filter(p -> p.fate() == fate).count();
    }

    /** Combinations that ran and did not succeed. */
    public List<Point> failed() {
        return points.stream().filter(p -> p.fate() == Fate.RAN && p.status() != ExperimentStatus.SUCCEEDED).toList();
    }

    /** Counts by fate, for a one-line summary. */
    public Map<Fate, Long> summary() {
        Map<Fate, Long> m = new java.util.EnumMap<>(Fate.class);
        for (Fate f : Fate.values()) {
            m.put(f, count(f));
        }
        return m;
    }
}
