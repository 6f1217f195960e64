package org.rdkzoo.evaluator.eval;

import org.rdkzoo.evaluator.results.EvaluationResults.Failure;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;

/** What became of one image: a result, or a failure with its reason. Exactly one is set. */
public record ImageOutcome(ImageResult result, Failure failure) {
    public ImageOutcome {
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is a result or a failure");
        }
    }

    public static ImageOutcome of(ImageResult result) {
        return new ImageOutcome(result, null);
    }

    public static ImageOutcome failed(String id, String reason) {
        return new ImageOutcome(null, new Failure(id, reason));
    }

    public String id() {
        return result != null ? result.id() : failure.id();
    }
}
