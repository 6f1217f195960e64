package org.rdkzoo.evaluator.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one similarity report to another: the settings, key by key, beside the change in
 * output similarity and in per-layer cosine. Layers are matched by name; a name hb_mapper cut
 * ({@code ...tail}) matches the one full name that ends with its tail, so a simulation (full names) can
 * be compared with an experiment (cut names).
 *
 * @param before   label of the first report
 * @param after    label of the second report
 * @param settings settings that differ (added, removed or changed), in key order
 * @param outputs  outputs present in either report
 * @param layers   layers present in both reports, in the first report's order
 * @param onlyBefore layer names only the first report has
 * @param onlyAfter  layer names only the second report has
 */
public record SimilarityDiff(
        String before,
        String after,
        List<SettingChange> settings,
        List<OutputChange> outputs,
        List<LayerChange> layers,
        List<String> onlyBefore,
        List<String> onlyAfter) {

    /** A setting that differs; {@code null} on a side that does not set it. */
    public record SettingChange(String key, String before, String after) {
    }

    /** One output on both sides; {@code null} on a side that does not have it. */
    public record OutputChange(String output, OutputSimilarity before, OutputSimilarity after) {
        /** after − before cosine, {@code null} unless both are known. */
        public Double cosineDelta() {
            return before == null || after == null ? null : delta(before.cosine(), after.cosine());
        }
    }

    /** One layer on both sides. */
    public record LayerChange(String node, String type, Double before, Double after) {
        /** after − before cosine, {@code null} unless both are known. */
        public Double delta() {
            return SimilarityDiff.delta(before, after);
        }
    }

    /** Compares {@code a} (before) with {@code b} (after). */
    public static SimilarityDiff compare(SimilarityTable a, SimilarityTable b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<LayerChange> layers = new ArrayList<>();
        List<String> onlyBefore = new ArrayList<>();
        List<String> onlyAfter = new ArrayList<>();
        matchLayers(a.layers(), b.layers(), layers, onlyBefore, onlyAfter);
        return new SimilarityDiff(a.label(), b.label(), settings(a.settings(), b.settings()),
                outputs(a.outputs(), b.outputs()), List.copyOf(layers), List.copyOf(onlyBefore),
                List.copyOf(onlyAfter));
    }

    /**
     * The {@code n} layers whose cosine dropped most (most negative delta first); layers that did not drop
     * are left out.
     */
    public List<LayerChange> largestDrops(int n) {
        return layers.stream()
                .filter(l -> l.delta() != null && l.delta() < 0)
                .sorted(Comparator.comparingDouble(LayerChange::delta))
                .limit(n)
                .toList();
    }

    private static void matchLayers(List<LayerSimilarity> a, List<LayerSimilarity> b, List<LayerChange> layers,
            List<String> onlyBefore, List<String> onlyAfter) {
        Map<String, LayerSimilarity> exactB = new HashMap<>();
        for (LayerSimilarity l : b) {
            exactB.putIfAbsent(l.node(), l);
        }
        Set<LayerSimilarity> matchedB = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (LayerSimilarity la : a) {
            LayerSimilarity lb = exactB.get(la.node());
            if (lb == null || matchedB.contains(lb)) {
                lb = uniqueTailMatch(la, b, matchedB);
            }
            if (lb == null) {
                onlyBefore.add(la.node());
                continue;
            }
            matchedB.add(lb);
            // Prefer the full name when one side has it.
            String name = la.nameTruncated() ? lb.node() : la.node();
            layers.add(new LayerChange(name, la.type() != null ? la.type() : lb.type(), la.cosine(), lb.cosine()));
        }
        for (LayerSimilarity lb : b) {
            if (!matchedB.contains(lb)) {
                onlyAfter.add(lb.node());
            }
        }
    }

    private static LayerSimilarity uniqueTailMatch(LayerSimilarity la, List<LayerSimilarity> b,
            Set<LayerSimilarity> taken) {
        LayerSimilarity found = null;
        for (LayerSimilarity lb : b) {
            if (taken.contains(lb)) {
                continue;
            }
            if (la.matchesName(lb.node()) || lb.matchesName(la.node())) {
                if (found != null) {
                    return null; // ambiguous: better unmatched than wrongly matched
                }
                found = lb;
            }
        }
        return found;
    }

    private static List<SettingChange> settings(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<SettingChange> changes = new ArrayList<>();
        for (String k : keys) {
            String va = a.get(k);
            String vb = b.get(k);
            if (!Objects.equals(va, vb)) {
                changes.add(new SettingChange(k, va, vb));
            }
        }
        return List.copyOf(changes);
    }

    private static List<OutputChange> outputs(List<OutputSimilarity> a, List<OutputSimilarity> b) {
        Set<String> names = new LinkedHashSet<>();
        a.forEach(o -> names.add(o.output()));
        b.forEach(o -> names.add(o.output()));
        List<OutputChange> changes = new ArrayList<>();
        for (String name : names) {
            changes.add(new OutputChange(name, find(a, name), find(b, name)));
        }
        return List.copyOf(changes);
    }

    private static OutputSimilarity find(List<OutputSimilarity> list, String name) {
        return list.stream().filter(o -> o.output().equals(name)).findFirst().orElse(null);
    }

    static Double delta(Double before, Double after) {
        return before == null || after == null ? null : after - before;
    }
}
