package org.rdkzoo.evaluator.eval;

import java.util.Arrays;

/**
 * The best classes of one image, best first, with their scores. Equal scores rank the lower class index
 * first, so rankings are deterministic even for quantized outputs full of ties.
 *
 * @param classes class indices in the model's index space
 * @param scores  their scores, same order
 */
public record Prediction(int[] classes, float[] scores) {
    public Prediction {
        classes = classes.clone();
        scores = scores.clone();
        if (classes.length != scores.length) {
            throw new IllegalArgumentException(classes.length + " classes for " + scores.length + " scores");
        }
    }

    /** The {@code k} best classes of {@code scores} (fewer when there are fewer classes). */
    public static Prediction top(float[] scores, int k) {
        int n = Math.min(k, scores.length);
        int[] best = new int[n];
        float[] bestScores = new float[n];
        int filled = 0;
        // Insertion into a short sorted list: k is 5, a full sort of 1000 scores would be wasted work.
        for (int c = 0; c < scores.length; c++) {
            float s = scores[c];
            if (filled == n && !(s > bestScores[n - 1])) {
                continue;
            }
            int pos = filled < n ? filled++ : n - 1;
            while (pos > 0 && s > bestScores[pos - 1]) {
                best[pos] = best[pos - 1];
                bestScores[pos] = bestScores[pos - 1];
                pos--;
            }
            best[pos] = c;
            bestScores[pos] = s;
        }
        return new Prediction(best, bestScores);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && Arrays.equals(classes, p.classes) && Arrays.equals(scores, p.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classes) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "Prediction" + Arrays.toString(classes) + Arrays.toString(scores);
    }
}
