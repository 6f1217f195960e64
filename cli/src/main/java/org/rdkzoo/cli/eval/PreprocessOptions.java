package org.rdkzoo.cli.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.image.PreprocessSpec;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The preprocessing options {@code eval} and {@code infer} share. Anything not given comes from the preset and
 * the model's input (size, layout, element type).
 */
public final class PreprocessOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--preprocess", paramLabel = "PRESET",
            description = "oe (short side 256, centre crop: the OE evaluation pipeline; the default for an .onnx), "
                    + "letterbox (the zoo's board runtime: fit, pad 127; the default for a .bin), resize (straight "
                    + "to the size).")
    String preset;

    @Option(names = "--size", paramLabel = "WxH", description = "Input size (default: the model's).")
    String size;

    @Option(names = "--short-side", paramLabel = "S",
            description = "oe: resize the short side to S before the crop (default 256 for 224, in proportion "
                    + "otherwise: 146 for 128).")
    Integer shortSide;

    @Option(names = "--mean", paramLabel = "M[,M,M]", split = ",",
            description = "Mean per channel in 0..255 space, subtracted first (default: ImageNet, 123.675,116.28,"
                    + "103.53). Values may be fractions: 1/127.5.")
    List<String> mean;

    @Option(names = "--scale", paramLabel = "S[,S,S]", split = ",",
            description = "Scale per channel, applied after the mean (default: ImageNet 1/(255*std)). "
                    + "x/127.5-1 models: --mean 127.5 --scale 1/127.5.")
    List<String> scale;

    @Option(names = "--color", paramLabel = "ORDER", description = "Channel order: rgb (default) or bgr.")
    PreprocessSpec.ColorOrder color;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Tensor layout, nchw or nhwc (default: the model's).")
    PreprocessSpec.Layout layout;

    @Option(names = "--dtype", paramLabel = "TYPE",
            description = "Tensor type, float32 or uint8 (default: the model's; uint8 takes raw pixels).")
    PreprocessSpec.DType dtype;

    @Option(names = "--nv12", description = "Send every image through NV12 and back (the board's colour loss).")
    Boolean nv12;

    /** The user's choices; mean and scale may then be replaced from a mapper config. */
    public PreprocessOverrides overrides() {
        Integer w = null;
        Integer h = null;
        if (size != null) {
            String[] parts = size.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 1) {
                    w = h = Integer.parseInt(parts[0].strip());
                } else if (parts.length == 2) {
                    w = Integer.parseInt(parts[0].strip());
                    h = Integer.parseInt(parts[1].strip());
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--size: expected WxH (like 224x224), found '"
                        + size + "'");
            }
        }
        return new PreprocessOverrides(preset, w, h, shortSide, numbers("--mean", mean), numbers("--scale", scale),
                color, layout, dtype, nv12);
    }

    private List<Double> numbers(String option, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(values.size());
        for (String v : values) {
            try {
                int slash = v.indexOf('/');
                out.add(slash < 0 ? Double.parseDouble(v.strip())
                        : Double.parseDouble(v.substring(0, slash).strip())
                                / Double.parseDouble(v.substring(slash + 1).strip()));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), option + ": expected a number or a fraction "
                        + "(like 0.0171 or 1/127.5), found '" + v + "'");
            }
        }
        return out;
    }
}
