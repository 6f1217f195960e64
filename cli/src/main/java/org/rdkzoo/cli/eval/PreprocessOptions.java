package org.rdkzoo.cli.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.config.InputNormalisation;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;

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

    @Option(names = "--config", paramLabel = "MAPPER.yaml",
            description = "Normalise as this hb_mapper config says the quantized model will (norm_type, mean_value, "
                    + "scale_value; channel order from input_type_train, layout from input_layout_train). Not with "
                    + "--mean/--scale. sim also takes its calibration_type, max_percentile, per_channel, "
                    + "cal_data_dir and node_info, unless an option says otherwise.")
    Path config;

    /** The {@code --config} file, or {@code null}. */
    Path config() {
        return config;
    }

    /** The user's choices, with mean, scale, channel order and layout from {@code --config} when given. */
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
        List<Double> m = numbers("--mean", mean);
        List<Double> s = numbers("--scale", scale);
        PreprocessSpec.ColorOrder c = color;
        PreprocessSpec.Layout l = layout;
        if (config != null) {
            if (mean != null || scale != null) {
                throw new ParameterException(spec.commandLine(), "--config gives mean and scale (norm_type, "
                        + "mean_value, scale_value): leave out --mean and --scale, or --config");
            }
            InputNormalisation n = normalisation(config);
            m = n.mean();
            s = n.scale();
            if (c == null && n.color().isPresent()) {
                c = PreprocessSpec.ColorOrder.valueOf(n.color().get());
            }
            if (l == null && n.layout().isPresent()) {
                l = PreprocessSpec.Layout.valueOf(n.layout().get());
            }
        }
        return new PreprocessOverrides(preset, w, h, shortSide, m, s, c, l, dtype, nv12);
    }

    private static InputNormalisation normalisation(Path file) {
        try {
            return InputNormalisation.of(MapperConfigReader.read(file));
        } catch (ConfigFormatException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
