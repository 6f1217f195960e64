package org.rdkzoo.evaluator.eval;

/**
 * How a model's raw outputs become the scores a results file records. The rule is chosen once per run from
 * the first image's outputs and recorded in the backend settings ({@code "scores"}):
 * <ul>
 * <li>{@link #PROBABILITIES}: float outputs that already form a probability distribution (every value in
 * [0, 1] within 1e-6, summing to 1 within 1e-3) are kept as they are;</li>
 * <li>{@link #SOFTMAX}: any other float output is taken as logits and turned into probabilities;</li>
 * <li>{@link #QUANTIZED_NORMALISED}: a uint8 output (a quantized softmax, like the TFLite models' 0..255
 * scores) is divided by its sum, which cancels its unknown quantization scale.</li>
 * </ul>
 * None of these changes the ranking, so Top-1 and Top-5 are the model's own.
 */
public enum ScoreRule {
    PROBABILITIES("as-is: the model outputs probabilities"),
    SOFTMAX("softmax: the model outputs logits"),
    QUANTIZED_NORMALISED("uint8 output divided by its sum (quantized softmax)");

    private final String description;

    ScoreRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The rule for a model whose first output row is {@code raw}. */
    public static ScoreRule detect(float[] raw, boolean quantized) {
        if (quantized) {
            return QUANTIZED_NORMALISED;
        }
        double sum = 0;
        for (float v : raw) {
            if (!(v >= -1e-6f && v <= 1 + 1e-6f)) {
                return SOFTMAX;
            }
            sum += v;
        }
        return Math.abs(sum - 1) <= 1e-3 ? PROBABILITIES : SOFTMAX;
    }

    /** Scores from raw outputs (a new array). */
    public float[] apply(float[] raw) {
        float[] out = raw.clone();
        switch (this) {
            case PROBABILITIES -> {
            }
            case SOFTMAX -> {
                float max = Float.NEGATIVE_INFINITY;
                for (float v : raw) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) Math.exp(raw[i] - max);
                    sum += out[i];
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) (out[i] / sum);
                }
            }
            case QUANTIZED_NORMALISED -> {
                double sum = 0;
                for (float v : raw) {
                    sum += v;
                }
                if (sum > 0) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (float) (raw[i] / sum);
                    }
                }
            }
        }
        return out;
    }
}
