package org.rdkzoo.mapperconfigs.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An hb_mapper config for the X5: its sections and keys holding exactly the values PyYAML gives
 * hb_mapper ({@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code List}, {@code Map},
 * {@code null}), so that nothing is lost or reinterpreted between reading and writing, plus where
 * each came from ({@link #source()}). Keys rdkzoo does not know are kept too; the validator reports
 * them.
 *
 * <p>Immutable. Typed accessors read the documented keys leniently (a value of the wrong type reads
 * as absent: the validator, not the accessor, reports it); {@code with...} methods return a changed
 * copy, keeping the source positions of the keys that did not change.
 */
public final class MapperConfig {
    private final Map<String, Object> document;
    private final ConfigSource source;

    private MapperConfig(Map<String, Object> document, ConfigSource source) {
        this.document = document;
        this.source = Objects.requireNonNull(source, "source");
    }

    static MapperConfig of(Map<String, Object> document, ConfigSource source) {
        return new MapperConfig(freeze(document), source);
    }

    /** A config with no section at all, to build one in code. */
    public static MapperConfig empty() {
        return new MapperConfig(Map.of(), ConfigSource.NONE);
    }

    /** The whole document: section name to section (normally a mapping of key to value). */
    public Map<String, Object> document() {
        return document;
    }

    public ConfigSource source() {
        return source;
    }

    /** The file it was read from, if any. */
    public Optional<Path> file() {
        return source.fileOptional();
    }

    /** A section's keys and values, when the section is a mapping. */
    public Optional<Map<String, Object>> section(Section section) {
        Object s = document.get(section.yamlName());
        if (s instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return Optional.of(map);
        }
        return Optional.empty();
    }

    public boolean has(ConfigKey key) {
        return section(key.section()).map(m -> m.containsKey(key.yamlName())).orElse(false);
    }

    /** The value as read, {@code null} when absent (or when the file says null). */
    public Object get(ConfigKey key) {
        return section(key.section()).map(m -> m.get(key.yamlName())).orElse(null);
    }

    public Optional<String> string(ConfigKey key) {
        return get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A string, or a number or boolean as Python's str() prints it (what hb_mapper sees after str()). */
    public Optional<String> text(ConfigKey key) {
        Object v = get(key);
        return v == null || v instanceof Map || v instanceof List ? Optional.empty() : Optional.of(PyYamlValues.pythonText(v));
    }

    public Optional<Boolean> bool(ConfigKey key) {
        return get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    public OptionalLong integer(ConfigKey key) {
        return get(key) instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    public OptionalDouble number(ConfigKey key) {
        Object v = get(key);
        if (v instanceof Long l) {
            return OptionalDouble.of(l);
        } else if (v instanceof Double d) {
            return OptionalDouble.of(d);
        }
        return OptionalDouble.empty();
    }

    /** The items of a {@code ;}-separated key (a YAML list is accepted too), trimmed, empties dropped. */
    public List<String> list(ConfigKey key) {
        return Values.names(get(key), key == ConfigKey.OPTIMIZATION ? "[;,]" : ";");
    }

    /** {@code node_info} as node name to setting, from the mapping or the {@code 'a:int16;b:int16'} form. */
    public Map<String, NodeSetting> nodeInfo() {
        return Values.nodeInfo(get(ConfigKey.NODE_INFO));
    }

    /** {@code input_source}: input name to {@code ddr}, {@code pyramid} or {@code resizer}. */
    public Map<String, String> inputSource() {
        Map<String, String> out = new LinkedHashMap<>();
        if (get(ConfigKey.INPUT_SOURCE) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), PyYamlValues.pythonText(v)));
        }
        return out;
    }

    // Convenience for the keys sweeps and tools read most.

    public Optional<String> onnxModel() {
        return string(ConfigKey.ONNX_MODEL);
    }

    /** {@code calibration_type}, {@code default} when absent (hb_mapper's default). */
    public String calibrationType() {
        return string(ConfigKey.CALIBRATION_TYPE).orElse("default");
    }

    public OptionalDouble maxPercentile() {
        return number(ConfigKey.MAX_PERCENTILE);
    }

    /** {@code per_channel}, false when absent. */
    public boolean perChannel() {
        return bool(ConfigKey.PER_CHANNEL).orElse(false);
    }

    /** {@code working_dir}, {@code model_output} when absent (hb_mapper's default). */
    public String workingDir() {
        return string(ConfigKey.WORKING_DIR).orElse("model_output");
    }

    public Optional<String> outputModelFilePrefix() {
        return string(ConfigKey.OUTPUT_MODEL_FILE_PREFIX);
    }

    /**
     * A path key resolved against the config's folder (or {@code base} for a config built in code);
     * empty when the key is absent or not a string.
     */
    public Optional<Path> resolvedPath(ConfigKey key, Path base) {
        return string(key).filter(s -> !s.isBlank()).map(s -> {
            Path dir = source.baseDir().orElse(base);
            return dir == null ? Path.of(s) : dir.resolve(s).normalize();
        });
    }

    /**
     * Every value as {@code section.key -> text} (as Python's str() prints it, which is what the
     * toolchain echoes), sorted; each entry of a mapping value is a key of its own, so a diff of two
     * configs names the node: {@code model_parameters.node_info./blocks/x/Conv -> InputType=int16,
     * ON=BPU, OutputType=int16}.
     */
    public Map<String, String> flatten() {
        Map<String, String> flat = new TreeMap<>();
        document.forEach((name, section) -> {
            if (!(section instanceof Map<?, ?> keys)) {
                flat.put(name, PyYamlValues.pythonText(section));
                return;
            }
            keys.forEach((key, v) -> {
                if (v instanceof Map<?, ?> entries) {
                    entries.forEach((e, ev) -> flat.put(name + "." + key + "." + e, leaf(ev)));
                } else {
                    flat.put(name + "." + key, PyYamlValues.pythonText(v));
                }
            });
        });
        return flat;
    }

    private static String leaf(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), PyYamlValues.pythonText(x)));
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, x) -> parts.add(k + "=" + x));
            return String.join(", ", parts);
        }
        return PyYamlValues.pythonText(v);
    }

    // Changes

    /**
     * This config with one key set. The value is stored as PyYAML would give it: integers as
     * {@code Long}, floats as {@code Double}; strings, booleans, lists and mappings as they are.
     */
    public MapperConfig with(ConfigKey key, Object value) {
        Map<String, Object> doc = new LinkedHashMap<>(document);
        Map<String, Object> section = new LinkedHashMap<>(section(key.section()).orElse(Map.of()));
        section.put(key.yamlName(), normalize(value));
        doc.put(key.section().yamlName(), section);
        return new MapperConfig(freeze(doc), source);
    }

    public MapperConfig without(ConfigKey key) {
        if (!has(key)) {
            return this;
        }
        Map<String, Object> doc = new LinkedHashMap<>(document);
        Map<String, Object> section = new LinkedHashMap<>(section(key.section()).orElseThrow());
        section.remove(key.yamlName());
        doc.put(key.section().yamlName(), section);
        return new MapperConfig(freeze(doc), source);
    }

    public MapperConfig withCalibrationType(String calibrationType) {
        return with(ConfigKey.CALIBRATION_TYPE, calibrationType);
    }

    public MapperConfig withMaxPercentile(double maxPercentile) {
        return with(ConfigKey.MAX_PERCENTILE, maxPercentile);
    }

    public MapperConfig withPerChannel(boolean perChannel) {
        return with(ConfigKey.PER_CHANNEL, perChannel);
    }

    /** Replaces {@code node_info}; an empty map removes the key. */
    public MapperConfig withNodeInfo(Map<String, NodeSetting> nodeInfo) {
        if (nodeInfo.isEmpty()) {
            return without(ConfigKey.NODE_INFO);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        nodeInfo.forEach((name, setting) -> raw.put(name, new LinkedHashMap<String, Object>(setting.fields())));
        return with(ConfigKey.NODE_INFO, raw);
    }

    /** Adds int16-on-BPU entries for these nodes to {@code node_info}, keeping the existing entries. */
    public MapperConfig withInt16Nodes(Collection<String> nodes) {
        Map<String, NodeSetting> info = new LinkedHashMap<>(nodeInfo());
        for (String n : nodes) {
            info.put(n, NodeSetting.int16OnBpu());
        }
        return withNodeInfo(info);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof Float f) {
            return (double) f;
        } else if (value instanceof NodeSetting s) {
            return new LinkedHashMap<String, Object>(s.fields());
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        } else if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(normalize(v)));
            return out;
        } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigInteger || value instanceof YamlTimestamp) {
            return value;
        }
        throw new IllegalArgumentException("a config value must be a string, number, boolean, list or mapping, not "
                + value.getClass().getName());
    }

    /** A deep, unmodifiable copy that keeps order and allows null values. */
    @SuppressWarnings("unchecked")
    private static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, freeze(normalize(v))));
            return (T) Collections.unmodifiableMap(out);
        } else if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(freeze(normalize(v))));
            return (T) Collections.unmodifiableList(out);
        }
        return value;
    }

    /** Same sections, keys and values (the source is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MapperConfig c && document.equals(c.document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return "MapperConfig" + document;
    }
}
