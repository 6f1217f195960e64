package org.rdkzoo.evaluator.labels;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The class names of a classifier, index by index, and their WordNet ids when the source has them.
 * Index {@code i} is dataset class {@code i}; a model's class is {@code i + offset} where the offset is 1
 * for models with a leading background class.
 *
 * @param source          where the names came from (a file path, or {@link LabelMaps#BUILTIN})
 * @param sha256          SHA-256 of the source file ({@code null} for the built-in map)
 * @param wnids           WordNet ids, one per class, or empty when the source has only names
 * @param names           display names, one per class (the full synonym list when the source has one)
 * @param impliedOffset   classes the file lists before its first real class: 1 when it starts with
 *                        {@code background} (TF-slim 1001-class label files), else 0; the default offset
 */
public record LabelMap(String source, String sha256, List<String> wnids, List<String> names, int impliedOffset) {
    public LabelMap {
        Objects.requireNonNull(source, "source");
        wnids = List.copyOf(wnids);
        names = List.copyOf(names);
        if (!wnids.isEmpty() && wnids.size() != names.size()) {
            throw new IllegalArgumentException(wnids.size() + " wnids for " + names.size() + " names");
        }
    }

    public int size() {
        return names.size();
    }

    public boolean hasWnids() {
        return !wnids.isEmpty();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The first synonym of a name: {@code "tench, Tinca tinca"} gives {@code "tench"}. */
    public String shortName(int index) {
        String n = names.get(index);
        int comma = n.indexOf(',');
        return comma < 0 ? n : n.substring(0, comma);
    }

    /** WordNet id to class index (empty when the map has no ids); built on each call, so keep the result. */
    public Map<String, Integer> wnidIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < wnids.size(); i++) {
            index.put(wnids.get(i), i);
        }
        return index;
    }
}
