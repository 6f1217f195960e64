package org.rdkzoo.evaluator.backend;

import java.util.List;

/**
 * Images to run together, all in the same {@link InputForm} and size. A backend whose model has a fixed
 * batch size larger than {@link #size()} pads the rest itself; callers never pad.
 *
 * @param inputs the images
 * @param height their height after preprocessing (what fills a dynamic height axis)
 * @param width  their width after preprocessing
 */
public record Batch(List<ModelInput> inputs, int height, int width) {
    public Batch {
        inputs = List.copyOf(inputs);
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one image");
        }
        InputForm form = inputs.get(0).form();
        int length = inputs.get(0).length();
        for (ModelInput in : inputs) {
            if (in.form() != form || in.length() != length) {
                throw new IllegalArgumentException("every input of a batch has the same form and size: " + in.id()
                        + " is " + in.form() + " x" + in.length() + ", " + inputs.get(0).id() + " is " + form + " x"
                        + length);
            }
        }
    }

    public int size() {
        return inputs.size();
    }

    public InputForm form() {
        return inputs.get(0).form();
    }

    /** Elements of one image's input. */
    public int imageLength() {
        return inputs.get(0).length();
    }
}
