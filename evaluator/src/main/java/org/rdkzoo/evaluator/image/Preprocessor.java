package org.rdkzoo.evaluator.image;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a decoded image into a model input tensor as a {@link PreprocessSpec} describes, bit-exact with
 * the OpenCV pipeline. Thread-safe; reuse one instance per spec.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>Geometry on the 8-bit BGR image, always with OpenCV INTER_LINEAR ({@link LinearResize}):
 *     <ul>
 *       <li>{@code SHORT_SIDE_CENTER_CROP} (the toolchain's {@code ShortSideResizeTransformer} and
 *           {@code CenterCropTransformer}): the short side becomes {@code shortSide}, the long side
 *           {@code int(shortSide * (long / short))} in double precision; then the centre
 *           {@code width x height} at offsets {@code (H - height) // 2}, {@code (W - width) // 2}.</li>
 *       <li>{@code LETTERBOX} (the zoo's board runtime): {@code s = min(height / h, width / w)}, resize to
 *           {@code int(w * s) x int(h * s)}, pad with {@code padValue}, {@code pad // 2} left and top.</li>
 *       <li>{@code DIRECT}: resize to {@code width x height}.</li>
 *     </ul></li>
 *   <li>With {@code nv12}: BGR to NV12 and back ({@link Nv12}), the board's colour loss.</li>
 *   <li>Colour order and layout; for float32, {@code (x - mean[c]) * scale[c]}, computed in double and
 *       rounded once to float, with the mean and scale given in the tensor's channel order.</li>
 * </ol>
 */
public final class Preprocessor {
    private final PreprocessSpec spec;
    /** Per tensor channel, the float value of each 8-bit input: the normalisation as a lookup table. */
    private final float[][] normalised;

    public Preprocessor(PreprocessSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (spec.nv12() && (spec.width() % 2 != 0 || spec.height() % 2 != 0)) {
            throw new IllegalArgumentException("NV12 needs an even width and height, got " + spec.width() + "x"
                    + spec.height());
        }
        if (spec.resize() == PreprocessSpec.Resize.SHORT_SIDE_CENTER_CROP
                && spec.shortSide() < Math.max(spec.width(), spec.height())) {
            throw new IllegalArgumentException("short side " + spec.shortSide() + " is smaller than the crop "
                    + spec.width() + "x" + spec.height() + ": a portrait or landscape image could not be cropped");
        }
        this.normalised = new float[3][256];
        for (int c = 0; c < 3; c++) {
            double mean = channelValue(spec.mean(), c, 0.0);
            double scale = channelValue(spec.scale(), c, 1.0);
            for (int v = 0; v < 256; v++) {
                normalised[c][v] = (float) ((v - mean) * scale);
            }
        }
    }

    private static double channelValue(List<Double> values, int c, double none) {
        if (values.isEmpty()) {
            return none;
        }
        return values.size() == 1 ? values.get(0) : values.get(c);
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
        checkLength(out.length);
        byte[] bgr = pixels(image);
        int w = spec.width();
        int plane = w * spec.height();
        int[] order = channelOrder();
        boolean planar = spec.layout() == PreprocessSpec.Layout.NCHW;
        // Row by row: short loops get compiled early instead of waiting for on-stack replacement.
        for (int y = 0, p = 0; y < spec.height(); y++, p += w) {
            if (planar) {
                floatPlanes(bgr, p, w, plane, order, out);
            } else {
                floatInterleaved(bgr, p, w, order, out);
            }
        }
    }

    private void floatPlanes(byte[] bgr, int first, int w, int plane, int[] order, float[] out) {
        float[] c0 = normalised[0];
        float[] c1 = normalised[1];
        float[] c2 = normalised[2];
        int o0 = order[0];
        int o1 = order[1];
        int o2 = order[2];
        for (int p = first, s = 3 * first; p < first + w; p++, s += 3) {
            out[p] = c0[bgr[s + o0] & 0xff];
            out[plane + p] = c1[bgr[s + o1] & 0xff];
            out[2 * plane + p] = c2[bgr[s + o2] & 0xff];
        }
    }

    private void floatInterleaved(byte[] bgr, int first, int w, int[] order, float[] out) {
        float[] c0 = normalised[0];
        float[] c1 = normalised[1];
        float[] c2 = normalised[2];
        for (int s = 3 * first; s < 3 * (first + w); s += 3) {
            out[s] = c0[bgr[s + order[0]] & 0xff];
            out[s + 1] = c1[bgr[s + order[1]] & 0xff];
            out[s + 2] = c2[bgr[s + order[2]] & 0xff];
        }
    }

    /** A uint8 tensor in the spec's layout and colour order (no normalisation). */
    public void toUint8(BgrImage image, byte[] out) {
        checkLength(out.length);
        byte[] bgr = pixels(image);
        int w = spec.width();
        int plane = w * spec.height();
        int[] order = channelOrder();
        boolean planar = spec.layout() == PreprocessSpec.Layout.NCHW;
        for (int y = 0, p = 0; y < spec.height(); y++, p += w) {
            if (planar) {
                bytePlanes(bgr, p, w, plane, order, out);
            } else {
                byteInterleaved(bgr, p, w, order, out);
            }
        }
    }

    private static void bytePlanes(byte[] bgr, int first, int w, int plane, int[] order, byte[] out) {
        for (int p = first, s = 3 * first; p < first + w; p++, s += 3) {
            out[p] = bgr[s + order[0]];
            out[plane + p] = bgr[s + order[1]];
            out[2 * plane + p] = bgr[s + order[2]];
        }
    }

    private static void byteInterleaved(byte[] bgr, int first, int w, int[] order, byte[] out) {
        for (int s = 3 * first; s < 3 * (first + w); s += 3) {
            out[s] = bgr[s + order[0]];
            out[s + 1] = bgr[s + order[1]];
            out[s + 2] = bgr[s + order[2]];
        }
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
        if (spec.width() % 2 != 0 || spec.height() % 2 != 0) {
            throw new IllegalArgumentException("NV12 needs an even width and height, got " + spec.width() + "x"
                    + spec.height());
        }
        return Nv12.fromBgr(geometry(image), spec.width(), spec.height());
    }

    /**
     * The image after the spec's resize, crop or padding, as 8-bit BGR: what the tensor is made from
     * (before the NV12 round trip and the colour order). Useful to look at, and for other encoders.
     */
    public BgrImage resized(BgrImage image) {
        return new BgrImage(spec.width(), spec.height(), geometry(image));
    }

    private void checkLength(int length) {
        if (length != elements()) {
            throw new IllegalArgumentException("output holds " + length + " elements, the tensor has "
                    + elements() + " (" + Arrays.toString(spec.shape()) + ")");
        }
    }

    /** Geometry, then the NV12 round trip when asked. */
    private byte[] pixels(BgrImage image) {
        byte[] bgr = geometry(image);
        if (spec.nv12()) {
            bgr = Nv12.toBgr(Nv12.fromBgr(bgr, spec.width(), spec.height()), spec.width(), spec.height());
        }
        return bgr;
    }

    /** For each tensor channel, its offset in a BGR pixel. */
    private int[] channelOrder() {
        return spec.color() == PreprocessSpec.ColorOrder.RGB ? new int[] {2, 1, 0} : new int[] {0, 1, 2};
    }

    private byte[] geometry(BgrImage image) {
        int w = image.width();
        int h = image.height();
        int outW = spec.width();
        int outH = spec.height();
        byte[] out = new byte[outW * outH * 3];
        switch (spec.resize()) {
            case SHORT_SIDE_CENTER_CROP -> {
                int[] size = shortSideSize(w, h, spec.shortSide());
                int left = (size[0] - outW) / 2;
                int top = (size[1] - outH) / 2;
                LinearResize.resize(image.data(), w, h, size[0], size[1], left, top, outW, outH, out, 0, outW * 3);
            }
            case LETTERBOX -> {
                double s = Math.min((double) outH / h, (double) outW / w);
                // int() truncation as in Python; at least one pixel so that extreme shapes still work
                int newW = Math.max(1, Math.min(outW, (int) (w * s)));
                int newH = Math.max(1, Math.min(outH, (int) (h * s)));
                int left = (outW - newW) / 2;
                int top = (outH - newH) / 2;
                Arrays.fill(out, (byte) spec.padValue());
                LinearResize.resize(image.data(), w, h, newW, newH, 0, 0, newW, newH, out,
                        (top * outW + left) * 3, outW * 3);
            }
            case DIRECT -> LinearResize.resize(image.data(), w, h, outW, outH, 0, 0, outW, outH, out, 0, outW * 3);
            default -> throw new IllegalStateException(spec.resize().toString());
        }
        return out;
    }

    /**
     * The size {@code ShortSideResizeTransformer} resizes to: {@code int(short_size * (long / short))} for
     * the long side, computed in double precision as Python does.
     */
    static int[] shortSideSize(int w, int h, int shortSide) {
        if (h < w) {
            return new int[] {(int) (shortSide * ((double) w / h)), shortSide};
        }
        return new int[] {shortSide, (int) (shortSide * ((double) h / w))};
    }
}
