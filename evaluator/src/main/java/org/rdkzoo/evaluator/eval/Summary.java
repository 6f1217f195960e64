package org.rdkzoo.evaluator.eval;

import java.util.Locale;

import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.stats.Confidence;
import org.rdkzoo.evaluator.stats.Interval;
import org.rdkzoo.evaluator.stats.Wilson;

/**
 * The headline of an evaluation: what ran on what, and Top-1/Top-5 with 95% Wilson score intervals. Built from
 * a results document; {@link #text()} renders the table {@code rdkzoo eval} prints, and the record itself is the
 * {@code --format json} output.
 *
 * @param model        the model file
 * @param modelSha256  its SHA-256
 * @param backend      backend kind and version ({@code onnxruntime 1.29.0})
 * @param dataset      dataset id
 * @param layout       dataset layout
 * @param subset       the subset, or {@code null}
 * @param images       images evaluated
 * @param failures     images that could not be evaluated
 * @param top1         right at Top-1
 * @param top5         right at Top-5
 * @param top1Accuracy Top-1 as a fraction
 * @param top5Accuracy Top-5 as a fraction
 * @param top1Interval 95% Wilson interval of the Top-1 fraction
 * @param top5Interval 95% Wilson interval of the Top-5 fraction
 * @param results      the results file
 */
public record Summary(String model, String modelSha256, String backend, String dataset, String layout,
        EvaluationResults.Subset subset, int images, int failures, int top1, int top5, double top1Accuracy,
        double top5Accuracy, Interval top1Interval, Interval top5Interval, String results) {

    public static Summary of(EvaluationResults r, String resultsFile) {
        EvaluationResults.Metrics m = r.metrics();
        String version = r.backend().versions().get(r.backend().kind());
        return new Summary(r.model().path(), r.model().sha256(), r.backend().kind() + (version == null ? ""
                : " " + version), r.dataset().id(), r.dataset().layout(), r.dataset().subset(), m.images(),
                m.failures(), m.top1(), m.top5(), m.top1Accuracy(), m.top5Accuracy(),
                Wilson.interval(m.top1(), m.images(), Confidence.NINETY_FIVE),
                Wilson.interval(m.top5(), m.images(), Confidence.NINETY_FIVE), resultsFile);
    }

    /** The summary table, one fact per line. */
    public String text() {
        StringBuilder s = new StringBuilder();
        line(s, "model", model + " (sha256 " + modelSha256.substring(0, 12) + "…)");
        line(s, "backend", backend);
        String sub = subset == null ? "" : subset.limit() != null && subset.shardIndex() != null
                ? ", limit " + subset.limit() + " (seed " + subset.seed() + "), shard " + subset.shardIndex() + "/"
                        + subset.shardCount()
                : subset.limit() != null ? ", limit " + subset.limit() + " (seed " + subset.seed() + ")"
                : ", shard " + subset.shardIndex() + "/" + subset.shardCount();
        line(s, "dataset", dataset + " (" + layout + sub + ")");
        line(s, "images", images + " evaluated" + (failures == 0 ? "" : ", " + failures + " failed (unreadable, or the "
                + "runtime failed; listed with reasons in the results)"));
        line(s, "Top-1", accuracy(top1, top1Accuracy, top1Interval));
        line(s, "Top-5", accuracy(top5, top5Accuracy, top5Interval));
        line(s, "results", results);
        return s.toString();
    }

    private String accuracy(int right, double fraction, Interval interval) {
        if (images == 0) {
            return "n/a (no image evaluated)";
        }
        return String.format(Locale.ROOT, "%6.2f%%  (%d/%d; 95%% CI %.2f-%.2f%%)", 100 * fraction, right, images,
                100 * interval.lower(), 100 * interval.upper());
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "%-8s %s%n", key, value));
    }
}
