package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.rdkzoo.evaluator.compare.Verdict;

/**
 * The smallest set of int16 nodes that brings the simulated Top-1 drop within a budget, searched greedily: the
 * candidates are prefixes of the {@link Sensitivity} ranking (the most sensitive node first), and the length is
 * found by doubling (1, 2, 4, ... nodes) until a prefix meets the budget, then bisecting between the last prefix
 * that failed and the first that passed. Each probe is a simulated evaluation on labelled images. It assumes
 * the drop shrinks as nodes are added, and tries only prefixes of one ranking: greedy, not exhaustive; a
 * smaller set in another order may exist.
 */
public final class Int16Search {
    /** A simulated evaluation: the Top-1 drop, in points, with these nodes in int16. */
    @FunctionalInterface
    public interface Probe {
        double drop(Set<String> int16Nodes) throws IOException, InterruptedException;
    }

    /** One probe: the first {@code nodes} of the ranking and the drop measured. */
    public record Step(int nodes, double drop) {
    }

    /**
     * @param nodes   the set found (or, when the budget was not met, the one with the smallest drop)
     * @param drop    its Top-1 drop in points
     * @param reached whether the drop is within the budget
     * @param maxDrop the budget
     * @param steps   every probe, in the order made
     */
    public record Result(List<String> nodes, double drop, boolean reached, double maxDrop, List<Step> steps) {
        public Result {
            nodes = List.copyOf(nodes);
            steps = List.copyOf(steps);
        }
    }

    private Int16Search() {
    }

    /**
     * @param ranking  candidate nodes, most sensitive first
     * @param maxDrop  the budget, Top-1 points
     * @param maxNodes the most nodes to try
     */
    public static Result search(List<String> ranking, double maxDrop, int maxNodes, Probe probe, SimProgress progress)
            throws IOException, InterruptedException {
        int limit = Math.min(maxNodes, ranking.size());
        Map<Integer, Double> drops = new TreeMap<>();
        List<Step> steps = new ArrayList<>();
        progress.begin("int16 search", 0);
        try {
            double none = measure(0, ranking, probe, drops, steps, progress);
            if (within(none, maxDrop) || limit == 0) {
                return result(0, ranking, drops, steps, maxDrop, within(none, maxDrop));
            }
            int failed = 0;
            Integer passed = null;
            for (int k = 1; ; k = Math.min(2 * k, limit)) {
                if (within(measure(k, ranking, probe, drops, steps, progress), maxDrop)) {
                    passed = k;
                    break;
                }
                failed = k;
                if (k == limit) {
                    break;
                }
            }
            if (passed == null) {
                int best = drops.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
                return result(best, ranking, drops, steps, maxDrop, false);
            }
            while (passed - failed > 1) {
                int mid = (failed + passed) / 2;
                if (within(measure(mid, ranking, probe, drops, steps, progress), maxDrop)) {
                    passed = mid;
                } else {
                    failed = mid;
                }
            }
            return result(passed, ranking, drops, steps, maxDrop, true);
        } finally {
            progress.end();
        }
    }

    /** Whether a drop is within the budget, with {@code compare}'s tolerance for count ratios. */
    static boolean within(double drop, double maxDrop) {
        return drop <= maxDrop + Verdict.TOLERANCE;
    }

    private static double measure(int k, List<String> ranking, Probe probe, Map<Integer, Double> drops,
            List<Step> steps, SimProgress progress) throws IOException, InterruptedException {
        Double known = drops.get(k);
        if (known != null) {
            return known;
        }
        double d = probe.drop(new LinkedHashSet<>(ranking.subList(0, k)));
        drops.put(k, d);
        steps.add(new Step(k, d));
        progress.step(String.format(java.util.Locale.ROOT, "%d int16 node%s: drop %.2f", k, k == 1 ? "" : "s", d));
        return d;
    }

    private static Result result(int k, List<String> ranking, Map<Integer, Double> drops, List<Step> steps,
            double maxDrop, boolean reached) {
        return new Result(ranking.subList(0, k), drops.get(k), reached, maxDrop, steps);
    }
}
