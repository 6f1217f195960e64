package org.rdkzoo.evaluator.image;

/**
 * Turns a decoded image into a model input tensor as a {@link PreprocessSpec} describes, bit-exact with
 * the OpenCV pipeline. Thread-safe; reuse one instance per spec.
 *
 * <p>SCAFFOLD: the signatures are fixed; the implementation belongs to the preprocessing work.
 */
public final class Preprocessor {
    private final PreprocessSpec spec;

    public Preprocessor(PreprocessSpec spec) {
        this.spec = spec;
    }

    public PreprocessSpec spec() {
        return spec;
    }

    /** Number of elements of one image's tensor: 3 * width * height. */
    public int elements() {
        return 3 * spec.width() * spec.height();
    }

    /** A float32 tensor in the spec's layout and colour order, normalised with its mean and scale. */
    public void toFloat(BgrImage image, float[] out) {
        throw new UnsupportedOperationException("scaffold: Preprocessor.toFloat is not implemented yet");
    }

    /** A uint8 tensor in the spec's layout and colour order (no normalisation). */
    public void toUint8(BgrImage image, byte[] out) {
        throw new UnsupportedOperationException("scaffold: Preprocessor.toUint8 is not implemented yet");
    }

    public float[] toFloat(BgrImage image) {
        float[] out = new float[elements()];
        toFloat(image, out);
        return out;
    }

    public byte[] toUint8(BgrImage image) {
        byte[] out = new byte[elements()];
        toUint8(image, out);
        return out;
    }

    /**
     * The image resized as the spec says (no normalisation) and packed as NV12 (Y plane, then
     * interleaved U/V), {@code width * height * 3 / 2} bytes: the board's input for NV12 models.
     */
    public byte[] toNv12(BgrImage image) {
        throw new UnsupportedOperationException("scaffold: Preprocessor.toNv12 is not implemented yet");
    }
}
