package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;

class SummaryTest {
    private static EvaluationResults results(int images, int top1, int top5, int failures) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        return new EvaluationResults(EvaluationResults.FORMAT,
                new EvaluationResults.Backend("onnxruntime", Map.of("onnxruntime", "1.29.0"), Map.of()),
                new EvaluationResults.Model("m.onnx", "3fbfc91d35f4670d3220ae0c1b33852505a008ab03952a4306585520974c5729",
                        null, "input", List.of(-1L, 3L, 224L, 224L), 1000),
                new EvaluationResults.Dataset("val", "/d/val", "flat+labels", "cd", 1300,
                        new EvaluationResults.Subset(300, 2012L, null, null),
                        new EvaluationResults.LabelMap("builtin", null, 0, 1000), "01"),
                PreprocessSpec.oe(), new EvaluationResults.Metrics(images, top1, top5,
                        images == 0 ? Double.NaN : (double) top1 / images,
                        images == 0 ? Double.NaN : (double) top5 / images, failures, List.of()),
                List.of(), List.of(), Provenance.start(clock, List.of("eval"), Map.of()).finish(clock));
    }

    @Test
    void theTableGivesCountsAccuraciesAndWilsonIntervals() {
        // 851 of 1300: the Wilson formula evaluated independently (Python, z = 1.95996) gives 0.628346..0.679973.
        String text = Summary.of(results(1300, 851, 1142, 2), "r.json").text();
        assertEquals("""
                model    m.onnx (sha256 3fbfc91d35f4…)
                backend  onnxruntime 1.29.0
                dataset  val (flat+labels, limit 300 (seed 2012))
                images   1300 evaluated, 2 failed (unreadable, or the runtime failed; listed with reasons in the results)
                Top-1     65.46%  (851/1300; 95% CI 62.83-68.00%)
                Top-5     87.85%  (1142/1300; 95% CI 85.96-89.51%)
                results  r.json
                """, text.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void noImagesGiveNoAccuracy() {
        String text = Summary.of(results(0, 0, 0, 5), "r.json").text();
        assertEquals(true, text.contains("Top-1    n/a (no image evaluated)"), text);
    }
}
