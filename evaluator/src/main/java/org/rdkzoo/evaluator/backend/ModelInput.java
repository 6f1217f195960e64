package org.rdkzoo.evaluator.backend;

import java.util.Objects;

/**
 * One image prepared for a backend: a float32 tensor ({@link InputForm#FLOAT32}) or bytes (uint8 tensor or
 * NV12), exactly as many elements as the model's input holds for one image.
 *
 * @param id     the image id (for error messages and results)
 * @param form   which of {@code floats}/{@code bytes} is set
 * @param floats the float32 tensor, or {@code null}
 * @param bytes  the uint8 tensor or NV12 image, or {@code null}
 */
public record ModelInput(String id, InputForm form, float[] floats, byte[] bytes) {
    public ModelInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(form, "form");
        if ((form == InputForm.FLOAT32) != (floats != null) || (form != InputForm.FLOAT32) != (bytes != null)) {
            throw new IllegalArgumentException(id + ": a " + form + " input carries "
                    + (form == InputForm.FLOAT32 ? "floats" : "bytes") + " only");
        }
    }

    public static ModelInput floats(String id, float[] tensor) {
        return new ModelInput(id, InputForm.FLOAT32, tensor, null);
    }

    public static ModelInput bytes(String id, InputForm form, byte[] data) {
        return new ModelInput(id, form, null, data);
    }

    /** Number of elements (floats or bytes). */
    public int length() {
        return floats != null ? floats.length : bytes.length;
    }
}
