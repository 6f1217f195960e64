package org.rdkzoo.mapperconfigs.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rdkzoo.evaluator.json.Json;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * INTERIM adapter over an hb_mapper YAML config, read with SnakeYAML's safe loader (YAML 1.1, as
 * hb_mapper's PyYAML reads it) into nested maps. It reads and sets only what the toolchain driver needs
 * (paths, the keys a sweep varies, node_info) and is to be replaced by the project's config model once
 * that lands; nothing else should grow on it.
 */
public final class MapperYaml {
    /** The four groups hb_mapper requires, in its order. */
    public static final List<String> GROUPS = List.of("model_parameters", "input_parameters",
            "calibration_parameters", "compiler_parameters");
    private static final Map<String, String> GROUP_OF = groupOf();

    private final Map<String, Object> tree;

    private MapperYaml(Map<String, Object> tree) {
        this.tree = tree;
    }

    /** Reads {@code file}; a file that is not a YAML mapping is reported with its name and the parser's words. */
    public static MapperYaml read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Object loaded = yaml().load(text);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new InvalidConfigException(file + ": expected a YAML mapping with model_parameters, "
                        + "input_parameters, calibration_parameters and compiler_parameters");
            }
            return new MapperYaml(deepCopy(map));
        } catch (YAMLException e) {
            throw new InvalidConfigException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    /** A config that cannot be read at all. */
    public static final class InvalidConfigException extends IOException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    /** The group a documented key belongs to ({@code calibration_type} → {@code calibration_parameters}), or null. */
    public static String groupOf(String key) {
        return GROUP_OF.get(key);
    }

    /** A value as a string, {@code null} when absent. */
    public String get(String group, String key) {
        Object g = tree.get(group);
        if (g instanceof Map<?, ?> m && m.get(key) != null) {
            return String.valueOf(m.get(key));
        }
        return null;
    }

    public boolean hasGroup(String group) {
        return tree.get(group) instanceof Map;
    }

    /** A copy with {@code group.key} set to {@code value} (typed as YAML would: true, 0.99, 'text'). */
    public MapperYaml with(String group, String key, Object value) {
        Map<String, Object> copy = deepCopy(tree);
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) copy.computeIfAbsent(group, k -> new LinkedHashMap<String, Object>());
        g.put(key, value);
        return new MapperYaml(copy);
    }

    /** A copy without {@code group.key}. */
    public MapperYaml without(String group, String key) {
        Map<String, Object> copy = deepCopy(tree);
        if (copy.get(group) instanceof Map<?, ?> g) {
            g.remove(key);
        }
        return new MapperYaml(copy);
    }

    /** A copy with these node_info entries added (replacing entries of the same node). */
    public MapperYaml withNodeInfo(Map<String, Map<String, String>> entries) {
        Map<String, Object> copy = deepCopy(tree);
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) copy.computeIfAbsent("model_parameters", k -> new LinkedHashMap<String, Object>());
        Map<String, Object> info = new LinkedHashMap<>();
        if (model.get("node_info") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> info.put(String.valueOf(k), v));
        }
        entries.forEach((node, attrs) -> info.put(node, new LinkedHashMap<>(attrs)));
        model.put("node_info", info);
        return new MapperYaml(copy);
    }

    /** Parses a command-line value the way YAML types a scalar: {@code true}, {@code 0.9999}, {@code kl}. */
    public static Object scalar(String text) {
        Object v = yaml().load(text);
        return v == null || v instanceof Map || v instanceof List ? text : v;
    }

    public String toYaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setSplitLines(false);
        return new Yaml(o).dump(tree);
    }

    /** The config as nested maps (a copy), for the experiment record. */
    public Map<String, Object> tree() {
        return deepCopy(tree);
    }

    /** SHA-256 of the config's content in a canonical form: key order and YAML formatting do not count. */
    public String contentHash() {
        return Sha256.of(Json.write(canonical(tree)));
    }

    /**
     * Every leaf as {@code group.key -> value}; each node_info entry is one key
     * ({@code model_parameters.node_info./blocks/x/Conv -> InputType=int16, ON=BPU, OutputType=int16}).
     */
    public Map<String, String> flatten() {
        Map<String, String> flat = new TreeMap<>();
        tree.forEach((group, g) -> {
            if (!(g instanceof Map<?, ?> keys)) {
                flat.put(group, render(g));
                return;
            }
            keys.forEach((key, v) -> {
                if (v instanceof Map<?, ?> entries) {
                    entries.forEach((e, ev) -> flat.put(group + "." + key + "." + e, render(ev)));
                } else {
                    flat.put(group + "." + key, render(v));
                }
            });
        });
        return flat;
    }

    private static String render(Object v) {
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(stringKeys(map)).forEach((k, val) -> parts.add(k + "=" + val));
            return String.join(", ", parts);
        }
        return String.valueOf(v);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    private static Object canonical(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, val) -> sorted.put(String.valueOf(k), canonical(val)));
            return sorted;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(MapperYaml::canonical).toList();
        }
        return v == null ? null : v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v instanceof Map<?, ?> m ? deepCopy(m)
                : v instanceof List<?> l ? new ArrayList<>((List<Object>) l) : v));
        return copy;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static Map<String, String> groupOf() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("onnx_model", "caffe_model", "prototxt", "march", "output_model_file_prefix",
                "working_dir", "layer_out_dump", "output_nodes", "remove_node_type", "remove_node_name",
                "set_node_data_type", "debug_mode", "node_info")) {
            m.put(k, "model_parameters");
        }
        for (String k : List.of("input_name", "input_type_train", "input_layout_train", "input_type_rt",
                "input_layout_rt", "input_space_and_range", "input_shape", "input_batch", "norm_type", "mean_value",
                "scale_value")) {
            m.put(k, "input_parameters");
        }
        for (String k : List.of("cal_data_dir", "cal_data_type", "preprocess_on", "calibration_type", "max_percentile",
                "per_channel", "run_on_cpu", "run_on_bpu", "optimization")) {
            m.put(k, "calibration_parameters");
        }
        for (String k : List.of("compile_mode", "debug", "core_num", "optimize_level", "input_source",
                "max_time_per_fc", "jobs")) {
            m.put(k, "compiler_parameters");
        }
        return Map.copyOf(m);
    }
}
