package org.rdkzoo.evaluator.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.results.EvaluationResults.ClassMetrics;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.EvaluationResults.Metrics;

/**
 * Top-1 and Top-5, overall and per class, from per-image results: pure arithmetic over the results, so
 * that a merged or re-read results file gives the same metrics. Per-class entries exist for every class
 * with at least one image, keyed by the model's class index (the same index as {@link ImageResult#label()}).
 */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    /**
     * @param failures images that could not be evaluated (counted, not in the accuracies)
     * @param labels   names of the dataset classes; class {@code c} of the model is name {@code c - offset}
     */
    public static Metrics compute(Collection<ImageResult> results, int failures, LabelMap labels, int offset) {
        int top1 = 0;
        int top5 = 0;
        Map<Integer, int[]> perClass = new TreeMap<>();
        for (ImageResult r : results) {
            int[] counts = perClass.computeIfAbsent(r.label(), k -> new int[3]);
            counts[0]++;
            if (r.correctTop1()) {
                top1++;
                counts[1]++;
            }
            if (r.correctTop5()) {
                top5++;
                counts[2]++;
            }
        }
        List<ClassMetrics> classes = new ArrayList<>(perClass.size());
        perClass.forEach((label, c) -> {
            int index = label - offset;
            String name = index >= 0 && index < labels.size() ? labels.name(index) : null;
            classes.add(new ClassMetrics(label, name, c[0], c[1], c[2]));
        });
        int n = results.size();
        return new Metrics(n, top1, top5, n == 0 ? Double.NaN : (double) top1 / n, n == 0 ? Double.NaN
                : (double) top5 / n, failures, classes);
    }
}
