package org.rdkzoo.evaluator.similarity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A per-layer and per-output similarity report with the settings that produced it: what a quantization
 * experiment ({@code mapper build}) or an int8 simulation ({@code sim}) yields. {@link SimilarityDiff}
 * compares two of them, whatever produced each.
 *
 * @param label    a name for the report (an experiment id, a sim result file)
 * @param source   what produced it: {@code hb_mapper} or {@code sim}
 * @param settings the settings to compare, flattened to {@code group.key -> value}
 * @param layers   per-layer rows in model order
 * @param outputs  per-output rows
 */
public record SimilarityTable(
        String label,
        String source,
        Map<String, String> settings,
        List<LayerSimilarity> layers,
        List<OutputSimilarity> outputs) {

    public SimilarityTable {
        Objects.requireNonNull(label, "label");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        layers = layers == null ? List.of() : List.copyOf(layers);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** The lowest output cosine: the figure to rank by (one output for classifiers). */
    public OptionalDouble minOutputCosine() {
        return outputs.stream().filter(o -> o.cosine() != null).mapToDouble(OutputSimilarity::cosine).min();
    }

    /** The {@code n} layers with the lowest cosine, lowest first; rows without a cosine are left out. */
    public List<LayerSimilarity> worstLayers(int n) {
        return layers.stream()
                .filter(l -> l.cosine() != null)
                .sorted(java.util.Comparator.comparingDouble(LayerSimilarity::cosine))
                .limit(n)
                .toList();
    }
}
