package org.rdkzoo.mapperconfigs.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.rdkzoo.evaluator.sim.CalibrationMethod;
import org.rdkzoo.evaluator.sim.NodePrecision;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.NodeSetting;

/**
 * What an hb_mapper config says about the int8 simulation of its model (its normalisation is
 * {@link org.rdkzoo.mapperconfigs.config.InputNormalisation}'s): the calibration ({@code calibration_type}, {@code max_percentile}, {@code per_channel}, {@code cal_data_dir})
 * and the nodes that are not plain int8 ({@code node_info}, {@code run_on_cpu}). Single-input models: the
 * first input's values are used.
 */
public final class ConfigSimSettings {
    private final MapperConfig config;

    private ConfigSimSettings(MapperConfig config) {
        this.config = config;
    }

    public static ConfigSimSettings of(MapperConfig config) {
        return new ConfigSimSettings(config);
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
