package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void logitsAreDetectedAndTurnedIntoProbabilities() {
        float[] logits = {0f, (float) Math.log(3), -1e9f};
        assertEquals(ScoreRule.SOFTMAX, ScoreRule.detect(logits, false));
        assertArrayEquals(new float[] {0.25f, 0.75f, 0f}, ScoreRule.SOFTMAX.apply(logits), 1e-6f);
    }

    @Test
    void aProbabilityDistributionIsKeptAsItIs() {
        float[] p = {0.1f, 0.7f, 0.2f};
        assertEquals(ScoreRule.PROBABILITIES, ScoreRule.detect(p, false));
        assertArrayEquals(p, ScoreRule.PROBABILITIES.apply(p));
    }

    @Test
    void valuesInRangeThatDoNotSumToOneAreLogits() {
        assertEquals(ScoreRule.SOFTMAX, ScoreRule.detect(new float[] {0.5f, 0.9f}, false));
    }

    @Test
    void quantizedOutputsAreDividedByTheirSum() {
        float[] raw = {0, 192, 64};
        assertEquals(ScoreRule.QUANTIZED_NORMALISED, ScoreRule.detect(raw, true));
        assertArrayEquals(new float[] {0f, 0.75f, 0.25f}, ScoreRule.QUANTIZED_NORMALISED.apply(raw));
        assertArrayEquals(new float[] {0f, 0f}, ScoreRule.QUANTIZED_NORMALISED.apply(new float[] {0, 0}));
    }

    @Test
    void topKRanksBestFirstAndBreaksTiesByTheLowerClass() {
        Prediction p = Prediction.top(new float[] {0.1f, 0.3f, 0.3f, 0.05f, 0.2f, 0.3f, 0f}, 5);
        assertArrayEquals(new int[] {1, 2, 5, 4, 0}, p.classes());
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f, 0.2f, 0.1f}, p.scores());
    }

    @Test
    void topKOfFewerClassesThanKListsThemAll() {
        Prediction p = Prediction.top(new float[] {0.2f, 0.8f}, 5);
        assertArrayEquals(new int[] {1, 0}, p.classes());
    }
}
