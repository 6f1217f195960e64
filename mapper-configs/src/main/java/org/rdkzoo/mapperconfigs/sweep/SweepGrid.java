package org.rdkzoo.mapperconfigs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.mapperconfigs.experiments.MapperYaml;

/**
 * The settings a sweep varies and every combination of them. Each axis is a config key with its
 * values ({@code --set calibration_type=default,kl,max}); a key may be written bare when hb_mapper
 * documents it ({@code per_channel}) or as {@code group.key}. The value {@code -} leaves the key unset
 * in that combination. The int16 node sets, when given, are one more axis.
 */
public final class SweepGrid {
    /** The value that means "leave the key out". */
    public static final String UNSET = "-";
    /** The axis name of the int16 node sets. */
    public static final String INT16_SET = "int16_set";

    private final Map<String, List<String>> axes = new LinkedHashMap<>();
    private final Map<String, List<String>> nodeSets = new LinkedHashMap<>();

    /** Adds one {@code key=v1,v2,...} axis. */
    public SweepGrid set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || eq == assignment.length() - 1) {
            throw new IllegalArgumentException("--set expects KEY=VALUE[,VALUE...], got '" + assignment + "'");
        }
        String key = qualified(assignment.substring(0, eq).strip());
        List<String> values = new ArrayList<>();
        for (String v : assignment.substring(eq + 1).split(",")) {
            String value = v.strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("--set " + assignment + ": empty value");
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        if (axes.containsKey(key)) {
            throw new IllegalArgumentException("--set " + key + " is given twice; list all its values in one --set");
        }
        axes.put(key, List.copyOf(values));
        return this;
    }

    /** Adds the int16 node sets as an axis: each combination puts one set's nodes in int16. */
    public SweepGrid nodeSets(Map<String, List<String>> sets) {
        nodeSets.clear();
        nodeSets.putAll(sets);
        return this;
    }

    /** {@code group.key} for a documented bare key, or the key as given when it names its group. */
    static String qualified(String key) {
        if (key.contains(".")) {
            String group = key.substring(0, key.indexOf('.'));
            if (!MapperYaml.GROUPS.contains(group)) {
                throw new IllegalArgumentException("unknown group '" + group + "' in --set " + key + " (groups: "
                        + String.join(", ", MapperYaml.GROUPS) + ")");
            }
            return key;
        }
        String group = MapperYaml.groupOf(key);
        if (group == null) {
            throw new IllegalArgumentException("'" + key + "' is not a documented hb_mapper key; write it as GROUP.KEY");
        }
        if (key.equals("node_info")) {
            throw new IllegalArgumentException("node_info is swept with --node-int16-sets FILE, not --set");
        }
        return group + "." + key;
    }

    /** Every combination, the last axis varying fastest. */
    public List<SweepPoint> expand() {
        if (axes.isEmpty() && nodeSets.isEmpty()) {
            throw new IllegalArgumentException("nothing to sweep: give at least one --set KEY=V1,V2 or --node-int16-sets");
        }
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<SweepPoint> points = new ArrayList<>();
        List<String> sets = nodeSets.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(nodeSets.keySet());
        for (Map<String, String> c : combos) {
            for (String set : sets) {
                points.add(new SweepPoint(points.size() + 1, c, set, set == null ? List.of() : nodeSets.get(set)));
            }
        }
        return points;
    }
}
