package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.results.EvaluationResults.ClassMetrics;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.EvaluationResults.Metrics;

class MetricsCalculatorTest {
    private static final LabelMap NAMES = new LabelMap("test", null, List.of(), List.of("cat", "dog", "fox"), 0);

    private static ImageResult image(String id, int label, int... top5) {
        return new ImageResult(id, label, top5, new float[top5.length]);
    }

    @Test
    void fourImagesCountedByHand() {
        List<ImageResult> results = List.of(
                image("a", 0, 0, 1, 2),  // right
                image("b", 0, 1, 0, 2),  // top-5 only
                image("c", 1, 1, 0, 2),  // right
                image("d", 2, 0, 1, 2)); // top-5 only (third)
        Metrics m = MetricsCalculator.compute(results, 1, NAMES, 0);
        assertEquals(4, m.images());
        assertEquals(2, m.top1());
        assertEquals(4, m.top5());
        assertEquals(0.5, m.top1Accuracy());
        assertEquals(1.0, m.top5Accuracy());
        assertEquals(1, m.failures());
        assertEquals(List.of(new ClassMetrics(0, "cat", 2, 1, 2), new ClassMetrics(1, "dog", 1, 1, 1),
                new ClassMetrics(2, "fox", 1, 0, 1)), m.perClass());
    }

    @Test
    void perClassNamesFollowTheLabelOffset() {
        Metrics m = MetricsCalculator.compute(List.of(image("a", 3, 3)), 0, NAMES, 1);
        assertEquals(List.of(new ClassMetrics(3, "fox", 1, 1, 1)), m.perClass());
    }

    @Test
    void noImagesGiveNaNAccuracies() {
        Metrics m = MetricsCalculator.compute(List.of(), 2, NAMES, 0);
        assertEquals(0, m.images());
        assertTrue(Double.isNaN(m.top1Accuracy()));
        assertTrue(Double.isNaN(m.top5Accuracy()));
        assertEquals(2, m.failures());
    }
}
