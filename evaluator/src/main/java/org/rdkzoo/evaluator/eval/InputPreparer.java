package org.rdkzoo.evaluator.eval;

import java.io.IOException;

import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.dataset.EncodedImage;

/**
 * The pre-processing half of the pipeline: encoded image bytes to a backend's input. Called from several
 * decoding threads at once, so implementations are thread-safe. An {@link IOException} (an image that cannot
 * be decoded) or an {@link IllegalArgumentException} (an image the preprocessing cannot take) fails that image
 * only; anything else stops the run.
 */
@FunctionalInterface
public interface InputPreparer {
    ModelInput prepare(EncodedImage image) throws IOException;

    /** The same, writing into a recycled array when the preparer can (the default allocates). */
    default ModelInput prepare(EncodedImage image, InputBuffers buffers) throws IOException {
        return prepare(image);
    }
}
