package org.rdkzoo.evaluator.image;

import java.util.List;
import java.util.Objects;

/**
 * Every parameter of the preprocessing from a decoded BGR image to a model input tensor. One spec
 * serves {@code eval}, {@code infer} and {@code mapper calib}, and is recorded verbatim in every
 * results file. Resizing is always OpenCV {@code INTER_LINEAR}, reproduced bit for bit.
 *
 * @param preset     the preset it started from ({@code oe}, {@code letterbox}, {@code resize}), for the record
 * @param resize     how the image is brought to {@code width x height}
 * @param shortSide  {@link Resize#SHORT_SIDE_CENTER_CROP}: the short side is resized to this (256), the long
 *                   side to {@code int(shortSide * long / short)}, then the centre is cropped
 * @param width      output width (224)
 * @param height     output height (224)
 * @param padValue   {@link Resize#LETTERBOX}: the grey of the padding (127)
 * @param color      channel order of the tensor
 * @param nv12       send the image through BGR to NV12 (I420, OpenCV) and back before normalising, as the
 *                   board's input path does
 * @param mean       subtracted per channel in 0..255 space, one value or one per channel; empty for none
 * @param scale      multiplied after the mean, one value or one per channel; empty for none
 * @param layout     tensor layout
 * @param dtype      tensor element type; {@link DType#UINT8} takes the pixels as they are (no mean or scale)
 */
public record PreprocessSpec(
        String preset,
        Resize resize,
        int shortSide,
        int width,
        int height,
        int padValue,
        ColorOrder color,
        boolean nv12,
        List<Double> mean,
        List<Double> scale,
        Layout layout,
        DType dtype) {

    public enum Resize {
        /** Short side to {@code shortSide}, then a centre crop: the OE evaluation and calibration pipeline. */
        SHORT_SIDE_CENTER_CROP,
        /** Scale to fit, keep aspect ratio, pad with {@code padValue}: the zoo's board runtime. */
        LETTERBOX,
        /** Resize straight to {@code width x height}, ignoring aspect ratio. */
        DIRECT
    }

    public enum ColorOrder {
        RGB, BGR
    }

    public enum Layout {
        NCHW, NHWC
    }

    public enum DType {
        FLOAT32, UINT8
    }

    /** ImageNet mean * 255 and 1 / (255 * std), as the zoo's mapper YAMLs write them. */
    public static final List<Double> IMAGENET_MEAN = List.of(123.675, 116.28, 103.53);
    public static final List<Double> IMAGENET_SCALE = List.of(0.01712475, 0.017507, 0.01742919);

    public PreprocessSpec {
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(dtype, "dtype");
        mean = mean == null ? List.of() : List.copyOf(mean);
        scale = scale == null ? List.of() : List.copyOf(scale);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive, was " + width + "x" + height);
        }
        if (resize == Resize.SHORT_SIDE_CENTER_CROP && shortSide < Math.min(width, height)) {
            throw new IllegalArgumentException("short side " + shortSide + " is smaller than the crop "
                    + width + "x" + height);
        }
        checkChannels("mean", mean);
        checkChannels("scale", scale);
    }

    private static void checkChannels(String name, List<Double> values) {
        if (!values.isEmpty() && values.size() != 1 && values.size() != 3) {
            throw new IllegalArgumentException(name + " takes one value or one per channel (3), found "
                    + values.size() + ": " + values);
        }
    }

    /** {@code oe}: short side 256, centre crop 224, RGB NCHW float32, ImageNet mean and scale. */
    public static PreprocessSpec oe() {
        return new PreprocessSpec("oe", Resize.SHORT_SIDE_CENTER_CROP, 256, 224, 224, 127, ColorOrder.RGB, false,
                IMAGENET_MEAN, IMAGENET_SCALE, Layout.NCHW, DType.FLOAT32);
    }

    /** {@code letterbox}: the zoo's runtime resize (fit, pad 127) to 224, RGB NCHW float32, ImageNet normalisation. */
    public static PreprocessSpec letterbox() {
        return new PreprocessSpec("letterbox", Resize.LETTERBOX, 0, 224, 224, 127, ColorOrder.RGB, false,
                IMAGENET_MEAN, IMAGENET_SCALE, Layout.NCHW, DType.FLOAT32);
    }

    /** {@code resize}: straight to 224x224, RGB NCHW float32, ImageNet normalisation. */
    public static PreprocessSpec direct() {
        return new PreprocessSpec("resize", Resize.DIRECT, 0, 224, 224, 127, ColorOrder.RGB, false,
                IMAGENET_MEAN, IMAGENET_SCALE, Layout.NCHW, DType.FLOAT32);
    }

    public static PreprocessSpec preset(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "oe" -> oe();
            case "letterbox" -> letterbox();
            case "resize", "direct" -> direct();
            default -> throw new IllegalArgumentException("unknown preprocessing preset '" + name
                    + "', expected one of: oe, letterbox, resize");
        };
    }

    public PreprocessSpec withSize(int w, int h) {
        return new PreprocessSpec(preset, resize, shortSide, w, h, padValue, color, nv12, mean, scale, layout, dtype);
    }

    public PreprocessSpec withShortSide(int s) {
        return new PreprocessSpec(preset, resize, s, width, height, padValue, color, nv12, mean, scale, layout, dtype);
    }

    public PreprocessSpec withColor(ColorOrder c) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, padValue, c, nv12, mean, scale, layout, dtype);
    }

    public PreprocessSpec withNv12(boolean n) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, padValue, color, n, mean, scale, layout, dtype);
    }

    public PreprocessSpec withNormalisation(List<Double> m, List<Double> s) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, padValue, color, nv12, m, s, layout, dtype);
    }

    public PreprocessSpec withLayout(Layout l) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, padValue, color, nv12, mean, scale, l, dtype);
    }

    public PreprocessSpec withDType(DType d) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, padValue, color, nv12, mean, scale, layout, d);
    }

    public PreprocessSpec withPadValue(int p) {
        return new PreprocessSpec(preset, resize, shortSide, width, height, p, color, nv12, mean, scale, layout, dtype);
    }

    /** The tensor shape this spec produces for one image: [1,3,H,W] or [1,H,W,3]. */
    public long[] shape() {
        return layout == Layout.NCHW ? new long[] {1, 3, height, width} : new long[] {1, height, width, 3};
    }
}
