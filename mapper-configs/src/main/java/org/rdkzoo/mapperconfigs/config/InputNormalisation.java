package org.rdkzoo.mapperconfigs.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an hb_mapper config says about the float model's input, in the terms of the evaluation
 * preprocessing: the {@code (x - mean) * scale} that HzPreprocess applies (reference §2.3), the channel
 * order and the layout the model was trained with. {@code eval --config} and {@code sim --config} use it
 * so that the float and simulated runs normalise exactly as the quantized model will.
 *
 * @param mean   per channel (one value or three); {@code [0]} when {@code norm_type} subtracts nothing
 * @param scale  per channel (one value or three); {@code [1]} when {@code norm_type} scales nothing
 * @param color  {@code RGB} or {@code BGR} from {@code input_type_train}, empty for other input types
 * @param layout {@code NCHW} or {@code NHWC} from {@code input_layout_train}, empty when absent
 */
public record InputNormalisation(List<Double> mean, List<Double> scale, Optional<String> color,
        Optional<String> layout) {

    public InputNormalisation {
        mean = List.copyOf(mean);
        scale = List.copyOf(scale);
    }

    /**
     * Reads the first input's normalisation.
     *
     * @throws IllegalArgumentException naming the file and key when {@code norm_type} needs a value the
     *                                  config lacks, or a value is not a list of numbers
     */
    public static InputNormalisation of(MapperConfig config) {
        String where = config.file().map(f -> f + ": ").orElse("");
        String normType = config.string(ConfigKey.NORM_TYPE).orElse("").toLowerCase(Locale.ROOT);
        boolean wantsMean = normType.equals("data_mean_and_scale") || normType.equals("data_mean");
        boolean wantsScale = normType.equals("data_mean_and_scale") || normType.equals("data_scale");
        if (!wantsMean && !wantsScale && !normType.equals("no_preprocess")) {
            throw new IllegalArgumentException(where + "input_parameters.norm_type is '" + normType
                    + "', expected data_mean_and_scale, data_mean, data_scale or no_preprocess");
        }
        // Identity values rather than empty lists: "no mean" must not fall back to a preset's default.
        List<Double> mean = wantsMean ? firstInput(config, ConfigKey.MEAN_VALUE, where) : List.of(0.0);
        List<Double> scale = wantsScale ? firstInput(config, ConfigKey.SCALE_VALUE, where) : List.of(1.0);
        String type = config.list(ConfigKey.INPUT_TYPE_TRAIN).stream().findFirst().orElse("")
                .toUpperCase(Locale.ROOT);
        Optional<String> color = type.equals("RGB") || type.equals("BGR") ? Optional.of(type) : Optional.empty();
        Optional<String> layout = config.list(ConfigKey.INPUT_LAYOUT_TRAIN).stream().findFirst()
                .map(s -> s.toUpperCase(Locale.ROOT));
        return new InputNormalisation(mean, scale, color, layout);
    }

    private static List<Double> firstInput(MapperConfig config, ConfigKey key, String where) {
        Optional<List<List<Double>>> perInput = Values.numbersPerInput(config.get(key));
        if (perInput.isEmpty() || perInput.get().isEmpty() || perInput.get().get(0).isEmpty()) {
            throw new IllegalArgumentException(where + key.path() + " must give one number or "
                    + "one per channel for norm_type " + config.string(ConfigKey.NORM_TYPE).orElse("?") + ", found "
                    + (config.get(key) == null ? "nothing" : "'" + config.get(key) + "'"));
        }
        List<Double> values = perInput.get().get(0);
        if (values.size() != 1 && values.size() != 3) {
            throw new IllegalArgumentException(where + key.path() + " has " + values.size()
                    + " values, expected 1 or 3 (one per channel)");
        }
        return values;
    }
}
