package org.rdkzoo.evaluator.eval;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.EvaluationResults.Metrics;
import org.rdkzoo.evaluator.results.ShardMerger;

/**
 * Top-1 and Top-5, overall and per class, from per-image results: pure arithmetic over the results (the same
 * arithmetic {@code results merge} applies to shards), so a merged or re-read results file gives the same
 * metrics. Per-class entries exist for every class with at least one image, keyed by the model's class index
 * (the same index as {@link ImageResult#label()}).
 */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    /**
     * @param failures images that could not be evaluated (counted, not in the accuracies)
     * @param labels   names of the dataset classes; class {@code c} of the model is name {@code c - offset}
     */
    public static Metrics compute(Collection<ImageResult> results, int failures, LabelMap labels, int offset) {
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            names.put(i + offset, labels.name(i));
        }
        return ShardMerger.metrics(List.copyOf(results), failures, names);
    }
}
