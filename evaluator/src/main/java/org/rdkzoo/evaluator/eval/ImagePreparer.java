package org.rdkzoo.evaluator.eval;

import java.io.IOException;

import org.rdkzoo.evaluator.backend.InputForm;
import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.dataset.EncodedImage;
import org.rdkzoo.evaluator.image.BgrImage;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;

/** Decodes as {@code cv2.imread} does, then preprocesses into the form the backend takes. */
public final class ImagePreparer implements InputPreparer {
    private final Preprocessor preprocessor;
    private final InputForm form;

    public ImagePreparer(PreprocessSpec spec, InputForm form) {
        if (form == InputForm.UINT8 && spec.dtype() != PreprocessSpec.DType.UINT8
                || form == InputForm.FLOAT32 && spec.dtype() != PreprocessSpec.DType.FLOAT32) {
            throw new IllegalArgumentException("the model takes " + form + " input but the preprocessing makes "
                    + spec.dtype());
        }
        this.preprocessor = new Preprocessor(spec);
        this.form = form;
    }

    public PreprocessSpec spec() {
        return preprocessor.spec();
    }

    @Override
    public ModelInput prepare(EncodedImage image) throws IOException {
        return prepare(image, InputBuffers.none(preprocessor.elements()));
    }

    @Override
    public ModelInput prepare(EncodedImage image, InputBuffers buffers) throws IOException {
        String id = image.entry().id();
        return prepare(id, ImageDecoder.decode(image.read(), id), buffers);
    }

    /** Preprocesses an image already decoded (by {@code infer}, which reads files directly). */
    public ModelInput prepare(String id, BgrImage decoded) {
        return prepare(id, decoded, InputBuffers.none(preprocessor.elements()));
    }

    private ModelInput prepare(String id, BgrImage decoded, InputBuffers buffers) {
        return switch (form) {
            case FLOAT32 -> {
                float[] tensor = buffers.floats();
                preprocessor.toFloat(decoded, tensor);
                yield ModelInput.floats(id, tensor);
            }
            case UINT8 -> {
                byte[] tensor = buffers.bytes();
                preprocessor.toUint8(decoded, tensor);
                yield ModelInput.bytes(id, form, tensor);
            }
            case NV12 -> ModelInput.bytes(id, form, preprocessor.toNv12(decoded));
        };
    }

    /** Elements of one image's float32 or uint8 tensor. */
    public int elements() {
        return preprocessor.elements();
    }
}
