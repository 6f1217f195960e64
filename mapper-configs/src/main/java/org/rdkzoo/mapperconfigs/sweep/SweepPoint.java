package org.rdkzoo.mapperconfigs.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.mapperconfigs.experiments.MapperYaml;

/**
 * One combination of a sweep.
 *
 * @param number     1-based position in the grid
 * @param settings   {@code group.key -> value} as the user wrote them ({@code -} for unset)
 * @param int16Set   name of the int16 node set, or null
 * @param int16Nodes nodes put in int16 by that set
 */
public record SweepPoint(int number, Map<String, String> settings, String int16Set, List<String> int16Nodes) {
    public SweepPoint {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        int16Nodes = List.copyOf(int16Nodes);
    }

    /** The settings typed as YAML types them; {@code null} for a key to leave out. */
    public Map<String, Object> typedSettings() {
        Map<String, Object> typed = new LinkedHashMap<>();
        settings.forEach((k, v) -> typed.put(k, v.equals(SweepGrid.UNSET) ? null : MapperYaml.scalar(v)));
        return typed;
    }

    /** node_info entries for the int16 set: both sides of each node in int16, on the BPU. */
    public Map<String, Map<String, String>> nodeInfo() {
        Map<String, Map<String, String>> info = new LinkedHashMap<>();
        for (String node : int16Nodes) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("ON", "BPU");
            attrs.put("InputType", "int16");
            attrs.put("OutputType", "int16");
            info.put(node, attrs);
        }
        return info;
    }

    /** Short labels for tables and the record: bare keys, the int16 set last. */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        settings.forEach((k, v) -> l.put(k.substring(k.indexOf('.') + 1), v));
        if (int16Set != null) {
            l.put(SweepGrid.INT16_SET, int16Set);
        }
        return l;
    }
}
