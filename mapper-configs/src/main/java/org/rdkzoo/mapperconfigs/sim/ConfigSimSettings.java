package org.rdkzoo.mapperconfigs.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.sim.CalibrationMethod;
import org.rdkzoo.evaluator.sim.NodePrecision;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.NodeSetting;
import org.rdkzoo.mapperconfigs.config.Values;

/**
 * What an hb_mapper config says about the int8 simulation of its model: the normalisation HzPreprocess
 * applies ({@code norm_type}, {@code mean_value}, {@code scale_value}, {@code input_type_train}), the
 * calibration ({@code calibration_type}, {@code max_percentile}, {@code per_channel}, {@code cal_data_dir})
 * and the nodes that are not plain int8 ({@code node_info}, {@code run_on_cpu}). Single-input models: the
 * first input's values are used.
 */
public final class ConfigSimSettings {
    /** Mean and scale as HzPreprocess applies them, {@code (x - mean) * scale}, in 0..255 space. */
    public record Normalisation(List<Double> mean, List<Double> scale) {
        public Normalisation {
            mean = List.copyOf(mean);
            scale = List.copyOf(scale);
        }
    }

    private final MapperConfig config;

    private ConfigSimSettings(MapperConfig config) {
        this.config = config;
    }

    public static ConfigSimSettings of(MapperConfig config) {
        return new ConfigSimSettings(config);
    }

    /**
     * The normalisation, when {@code norm_type} is set: {@code data_mean_and_scale} takes both,
     * {@code data_mean} the mean with scale 1, {@code data_scale} the scale with mean 0, {@code no_preprocess}
     * neither (mean 0, scale 1).
     *
     * @throws IllegalArgumentException when a mean or scale the norm_type needs is missing or not numbers
     */
    public Optional<Normalisation> normalisation() {
        List<String> norm = config.list(ConfigKey.NORM_TYPE);
        if (norm.isEmpty()) {
            return Optional.empty();
        }
        String type = norm.get(0);
        boolean mean = type.equals("data_mean_and_scale") || type.equals("data_mean");
        boolean scale = type.equals("data_mean_and_scale") || type.equals("data_scale");
        if (!mean && !scale && !type.equals("no_preprocess")) {
            throw new IllegalArgumentException("norm_type '" + type + "' is none of data_mean_and_scale, data_mean, "
                    + "data_scale, no_preprocess");
        }
        return Optional.of(new Normalisation(mean ? numbers(ConfigKey.MEAN_VALUE, type) : List.of(0.0),
                scale ? numbers(ConfigKey.SCALE_VALUE, type) : List.of(1.0)));
    }

    private List<Double> numbers(ConfigKey key, String normType) {
        List<List<Double>> perInput = Values.numbersPerInput(config.get(key)).orElseThrow(() ->
                new IllegalArgumentException(key.yamlName() + " is not a list of numbers: " + config.get(key)));
        if (perInput.isEmpty() || perInput.get(0).isEmpty()) {
            throw new IllegalArgumentException("norm_type " + normType + " needs " + key.yamlName()
                    + ", which the config does not set");
        }
        return perInput.get(0);
    }

    /** The colour order the model was trained on ({@code input_type_train} rgb or bgr), when set. */
    public Optional<PreprocessSpec.ColorOrder> colorOrder() {
        List<String> t = config.list(ConfigKey.INPUT_TYPE_TRAIN);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return switch (t.get(0).toLowerCase(Locale.ROOT)) {
            case "rgb" -> Optional.of(PreprocessSpec.ColorOrder.RGB);
            case "bgr" -> Optional.of(PreprocessSpec.ColorOrder.BGR);
            default -> Optional.empty();
        };
    }

    /**
     * {@code calibration_type} as a method ({@code default} when absent, as hb_mapper's default).
     *
     * @throws IllegalArgumentException for {@code load} and {@code skip}, which have nothing to simulate
     */
    public CalibrationMethod method() {
        String type = config.calibrationType();
        if (type.equals("load") || type.equals("skip")) {
            throw new IllegalArgumentException("calibration_type '" + type + "' takes no calibration ("
                    + (type.equals("load") ? "a QAT model's own ranges" : "random data")
                    + "); the simulation needs max, kl, mix or default");
        }
        return CalibrationMethod.parse(type);
    }

    public OptionalDouble maxPercentile() {
        return config.maxPercentile();
    }

    public boolean perChannel() {
        return config.perChannel();
    }

    /** {@code cal_data_dir}, resolved against the config's folder. */
    public Optional<Path> calibrationData() {
        return config.resolvedPath(ConfigKey.CAL_DATA_DIR, null);
    }

    /**
     * The nodes that are not plain int8: from {@code node_info} ({@code ON: CPU}, {@code InputType},
     * {@code InputTypeN}, {@code OutputType} set to int16) and {@code run_on_cpu}.
     */
    public Map<String, NodePrecision> nodes() {
        Map<String, NodePrecision> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeSetting> e : config.nodeInfo().entrySet()) {
            NodeSetting s = e.getValue();
            if (s.on().map(on -> on.equalsIgnoreCase("CPU")).orElse(false)) {
                out.put(e.getKey(), NodePrecision.cpu());
                continue;
            }
            boolean all = s.inputType().map("int16"::equals).orElse(false);
            Set<Integer> inputs = new TreeSet<>();
            s.fields().forEach((k, v) -> {
                if (k.matches("InputType\\d+") && "int16".equals(v)) {
                    inputs.add(Integer.parseInt(k.substring("InputType".length())));
                }
            });
            boolean output = s.outputType().map("int16"::equals).orElse(false);
            if (all || !inputs.isEmpty() || output) {
                out.put(e.getKey(), new NodePrecision(false, all, inputs, output));
            }
        }
        for (String cpu : config.list(ConfigKey.RUN_ON_CPU)) {
            out.put(cpu, NodePrecision.cpu());
        }
        return out;
    }
}
