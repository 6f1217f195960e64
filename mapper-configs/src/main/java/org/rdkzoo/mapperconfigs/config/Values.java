package org.rdkzoo.mapperconfigs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsing of the values hb_mapper splits itself: name lists, number lists, shapes, node_info. */
public final class Values {
    private Values() {
    }

    /** Items of a separated string (or a YAML list), trimmed, empty items dropped. */
    public static List<String> names(Object value, String separatorRegex) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(separatorRegex)) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o != null && !PyYamlValues.pythonText(o).isBlank()) {
                    out.add(PyYamlValues.pythonText(o).trim());
                }
            }
        }
        return out;
    }

    /**
     * A mean or scale value as numbers per input: {@code 128} → [[128]],
     * {@code '123.675 116.28 103.53'} → [[123.675, 116.28, 103.53]], {@code 'a b c;d'} → two inputs.
     * Empty when the value is absent; empty optional when an item is not a number.
     */
    public static Optional<List<List<Double>>> numbersPerInput(Object value) {
        List<List<Double>> out = new ArrayList<>();
        if (value == null) {
            return Optional.of(out);
        }
        if (value instanceof Long || value instanceof Double) {
            out.add(List.of(((Number) value).doubleValue()));
            return Optional.of(out);
        }
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        for (String input : s.split(";", -1)) {
            List<Double> numbers = new ArrayList<>();
            for (String item : input.trim().split("\\s+")) {
                if (item.isEmpty()) {
                    continue;
                }
                if (item.equalsIgnoreCase("None")) {
                    continue;
                }
                try {
                    numbers.add(Double.parseDouble(item));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            out.add(numbers);
        }
        return Optional.of(out);
    }

    /** {@code 1x3x224x224} → [1, 3, 224, 224]; empty optional when it is not such a shape. */
    public static Optional<List<Long>> shape(String text) {
        List<Long> dims = new ArrayList<>();
        for (String d : text.trim().split("x")) {
            try {
                long v = Long.parseLong(d.trim());
                if (v <= 0) {
                    return Optional.empty();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return dims.isEmpty() ? Optional.empty() : Optional.of(dims);
    }

    /** node_info from its mapping form, or from the short form {@code 'node1:int16;node2:int16'}. */
    public static Map<String, NodeSetting> nodeInfo(Object value) {
        Map<String, NodeSetting> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                Map<String, String> fields = new LinkedHashMap<>();
                if (v instanceof Map<?, ?> f) {
                    f.forEach((fk, fv) -> fields.put(String.valueOf(fk), PyYamlValues.pythonText(fv)));
                }
                out.put(String.valueOf(k), new NodeSetting(fields));
            });
        } else if (value instanceof String s) {
            for (String item : names(s, ";")) {
                int colon = item.lastIndexOf(':');
                String name = colon > 0 ? item.substring(0, colon).trim() : item;
                String type = colon > 0 ? item.substring(colon + 1).trim() : "";
                Map<String, String> fields = new LinkedHashMap<>();
                // The short form sets the node's data type: its inputs and output.
                fields.put(NodeSetting.INPUT_TYPE, type);
                fields.put(NodeSetting.OUTPUT_TYPE, type);
                out.put(name, new NodeSetting(fields));
            }
        }
        return out;
    }
}
