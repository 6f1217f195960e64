package org.rdkzoo.evaluator.backend;

import java.util.List;
import java.util.Objects;

import org.rdkzoo.evaluator.image.PreprocessSpec;

/**
 * What a backend's model takes and gives, read from the model itself: enough to choose the preprocessing
 * defaults and to refuse a model that does not fit its labels before any image is read.
 *
 * @param inputName  the image input's name
 * @param inputShape its shape as declared, -1 for a dynamic axis
 * @param inputForm  float32 tensor, uint8 tensor, or NV12
 * @param layout     NCHW or NHWC (for NV12, the layout the backend converts to; informational)
 * @param batch      the fixed batch size, or -1 when the batch axis is dynamic
 * @param height     input height, -1 when dynamic (the preprocessing must then say it)
 * @param width      input width, -1 when dynamic
 * @param outputName the scores output's name
 * @param classes    number of output classes
 * @param quantizedOutput true when the output is a uint8 (quantized) tensor whose raw values the backend
 *                   returns as floats
 */
public record ModelDescription(String inputName, List<Long> inputShape, InputForm inputForm,
        PreprocessSpec.Layout layout, int batch, int height, int width, String outputName, int classes,
        boolean quantizedOutput) {
    public ModelDescription {
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(inputForm, "inputForm");
        Objects.requireNonNull(layout, "layout");
        inputShape = List.copyOf(inputShape);
        if (classes <= 0) {
            throw new IllegalArgumentException("a classifier has at least one class, found " + classes);
        }
    }

    public boolean dynamicBatch() {
        return batch < 0;
    }

    /** Refuses a batch prepared for another input form than this model's. */
    void requireForm(Batch input) {
        if (input.form() != inputForm) {
            throw new IllegalArgumentException("the model takes " + inputForm + " input, the batch is " + input.form());
        }
    }
}
