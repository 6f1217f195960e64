package org.rdkzoo.mapperconfigs.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.Section;
import org.rdkzoo.mapperconfigs.validate.CheckContext;

/**
 * The settings a sweep varies and every combination of them. Each axis is a documented config key
 * with its values ({@code --set calibration_type=default,kl,max}), written bare ({@code per_channel})
 * or as {@code section.key}; a key hb_mapper does not document is refused here, with the nearest name,
 * rather than in every combination. The value {@code -} leaves the key unset in that combination. The
 * int16 node sets, when given, are one more axis.
 */
public final class SweepGrid {
    /** The value that means "leave the key out". */
    public static final String UNSET = "-";
    /** The axis name of the int16 node sets. */
    public static final String INT16_SET = "int16_set";

    private final Map<ConfigKey, List<String>> axes = new LinkedHashMap<>();
    private final Map<String, List<String>> nodeSets = new LinkedHashMap<>();

    /** Adds one {@code key=v1,v2,...} axis. */
    public SweepGrid set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || eq == assignment.length() - 1) {
            throw new IllegalArgumentException("--set expects KEY=VALUE[,VALUE...], got '" + assignment + "'");
        }
        ConfigKey key = key(assignment.substring(0, eq).strip());
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
            throw new IllegalArgumentException("--set " + key.yamlName() + " is given twice; list all its values in one --set");
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

    /** The documented key a {@code --set} names, bare ({@code per_channel}) or as {@code section.key}. */
    static ConfigKey key(String name) {
        ConfigKey key;
        int dot = name.indexOf('.');
        if (dot >= 0) {
            String sectionName = name.substring(0, dot);
            String keyName = name.substring(dot + 1);
            Section section = Section.of(sectionName).orElseThrow(() -> new IllegalArgumentException("unknown section '"
                    + sectionName + "' in --set " + name + CheckContext.didYouMean(sectionName, sectionNames()) + " (sections: "
                    + String.join(", ", sectionNames()) + ")"));
            key = ConfigKey.of(section, keyName).orElseThrow(() -> new IllegalArgumentException("--set " + name + ": "
                    + section.yamlName() + " has no key '" + keyName + "'" + CheckContext.didYouMean(keyName, ConfigKey.names(section))));
        } else {
            List<String> all = Arrays.stream(ConfigKey.values()).map(ConfigKey::yamlName).toList();
            key = Arrays.stream(ConfigKey.values()).filter(k -> k.yamlName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--set " + name + ": '" + name
                            + "' is not an hb_mapper key" + CheckContext.didYouMean(name, all)));
        }
        if (key == ConfigKey.NODE_INFO) {
            throw new IllegalArgumentException("node_info is swept with --node-int16-sets FILE, not --set");
        }
        return key;
    }

    private static List<String> sectionNames() {
        return Arrays.stream(Section.values()).map(Section::yamlName).toList();
    }

    /** Every combination, the last axis varying fastest. */
    public List<SweepPoint> expand() {
        if (axes.isEmpty() && nodeSets.isEmpty()) {
            throw new IllegalArgumentException("nothing to sweep: give at least one --set KEY=V1,V2 or --node-int16-sets");
        }
        List<Map<ConfigKey, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<ConfigKey, List<String>> axis : axes.entrySet()) {
            List<Map<ConfigKey, String>> next = new ArrayList<>();
            for (Map<ConfigKey, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<ConfigKey, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<SweepPoint> points = new ArrayList<>();
        List<String> sets = nodeSets.isEmpty() ? Collections.singletonList(null) : new ArrayList<>(nodeSets.keySet());
        for (Map<ConfigKey, String> c : combos) {
            for (String set : sets) {
                points.add(new SweepPoint(points.size() + 1, c, set, set == null ? List.of() : nodeSets.get(set)));
            }
        }
        return points;
    }
}
