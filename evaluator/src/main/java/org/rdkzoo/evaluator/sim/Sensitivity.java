package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which layers cost the most accuracy in int8: for each quantized node alone, the output cosine similarity on
 * the calibration samples when that node is kept in int16 (or on the CPU in float) and every other node stays
 * as the settings say. A node's score is what that regains over the baseline,
 * {@code cosine(node kept) - cosine(baseline)}; the ranking puts the largest gain first (graph order breaks
 * ties). One simulated model per node, each run over the same few samples: cheap enough for hundreds of nodes,
 * and a proxy for Top-1 that the {@link Int16Search} then checks on labelled images.
 */
public final class Sensitivity {
    /**
     * One node's score.
     *
     * @param tensors the quantized reads ({@code tensor -> reading node}) the change touches: an int16 node
     *                widens its own inputs and, through its int16 output, its readers' inputs, so a node and its
     *                reader can touch the same read
     */
    public record Entry(String node, String opType, double cosine, double regained, List<String> tensors) {
        public Entry {
            tensors = List.copyOf(tensors);
        }
    }

    /**
     * @param baseline output cosine with the settings as given
     * @param mode     what each node was switched to: {@code int16} or {@code cpu}
     * @param samples  calibration samples each variant ran on
     * @param ranking  largest gain first
     */
    public record Result(double baseline, String mode, int samples, List<Entry> ranking) {
        public Result {
            ranking = List.copyOf(ranking);
        }

        /** The node names, best first. */
        public List<String> nodes() {
            return ranking.stream().map(Entry::node).toList();
        }

        /**
         * The ranking without the nodes whose change the ones before them already make (every read it touches
         * is touched by a node ranked higher): the candidates worth adding one by one.
         */
        public List<String> distinctNodes() {
            Set<String> covered = new HashSet<>();
            List<String> out = new ArrayList<>();
            for (Entry e : ranking) {
                if (e.tensors().isEmpty() || !covered.containsAll(e.tensors())) {
                    out.add(e.node());
                    covered.addAll(e.tensors());
                }
            }
            return out;
        }
    }

    private Sensitivity() {
    }

    /** Every quantized read, {@code tensor -> consumer}, with its bits. */
    private static Map<String, Integer> quantizations(SimModel m) {
        Map<String, Integer> reads = new HashMap<>();
        for (SimModel.ActivationQuant a : m.activations()) {
            a.consumers().forEach(c -> reads.put(a.tensor() + " -> " + c, a.bits()));
        }
        return reads;
    }

    public static Result rank(QuantSettings settings, List<QuantPlan.Node> candidates, NodePrecision mode,
            DefaultSearch.ModelBuilder builder, ReferenceOutputs reference, SimProgress progress) throws IOException {
        SimModel base = builder.build(settings);
        double baseline = reference.cosine(base.model());
        Map<String, Integer> baseQuant = quantizations(base);
        List<Entry> entries = new ArrayList<>();
        progress.begin("sensitivity", candidates.size());
        try {
            for (QuantPlan.Node n : candidates) {
                if (settings.nodes().containsKey(n.name())) {
                    progress.step(n.name());
                    continue;
                }
                SimModel variant = builder.build(settings.withNode(n.name(), mode));
                double cosine = reference.cosine(variant.model());
                Map<String, Integer> variantQuant = quantizations(variant);
                Set<String> changed = new LinkedHashSet<>();
                variantQuant.forEach((read, bits) -> {
                    if (!bits.equals(baseQuant.get(read))) {
                        changed.add(read);
                    }
                });
                baseQuant.keySet().stream().filter(read -> !variantQuant.containsKey(read)).forEach(changed::add);
                entries.add(new Entry(n.name(), n.opType(), cosine, cosine - baseline, List.copyOf(changed)));
                progress.step(n.name());
            }
        } finally {
            progress.end();
        }
        List<Entry> ranking = new ArrayList<>(entries);
        ranking.sort(Comparator.comparingDouble(Entry::regained).reversed());
        return new Result(baseline, mode.describe(), reference.samples(), ranking);
    }
}
