package org.rdkzoo.mapperconfigs.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;

/**
 * One combination of a sweep.
 *
 * @param number     1-based position in the grid
 * @param settings   the keys it sets and their values as the user wrote them ({@code -} for unset)
 * @param int16Set   name of the int16 node set, or null
 * @param int16Nodes nodes put in int16 by that set
 */
public record SweepPoint(int number, Map<ConfigKey, String> settings, String int16Set, List<String> int16Nodes) {
    public SweepPoint {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        int16Nodes = List.copyOf(int16Nodes);
    }

    /**
     * {@code config} with this combination's settings: values typed as PyYAML types them in a file
     * ({@code true} a boolean, {@code 0.9999} a float), the calibration keys through the config model's
     * own setters, and the int16 set's nodes added to {@code node_info} on the BPU in int16. A value of
     * the wrong type is set as it is, for the validator to name.
     */
    public MapperConfig apply(MapperConfig config) {
        MapperConfig c = config;
        for (Map.Entry<ConfigKey, String> s : settings.entrySet()) {
            ConfigKey key = s.getKey();
            if (s.getValue().equals(SweepGrid.UNSET)) {
                c = c.without(key);
                continue;
            }
            Object value = MapperConfigReader.scalar(s.getValue());
            if (key == ConfigKey.CALIBRATION_TYPE && value instanceof String type) {
                c = c.withCalibrationType(type);
            } else if (key == ConfigKey.MAX_PERCENTILE && value instanceof Number n) {
                c = c.withMaxPercentile(n.doubleValue());
            } else if (key == ConfigKey.PER_CHANNEL && value instanceof Boolean b) {
                c = c.withPerChannel(b);
            } else {
                c = c.with(key, value);
            }
        }
        return int16Nodes.isEmpty() ? c : c.withInt16Nodes(int16Nodes);
    }

    /** Short labels for tables and the record: bare keys, the int16 set last. */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        settings.forEach((k, v) -> l.put(k.yamlName(), v));
        if (int16Set != null) {
            l.put(SweepGrid.INT16_SET, int16Set);
        }
        return l;
    }
}
