package org.rdkzoo.evaluator.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.LoadedResults;

/**
 * Pairs two results image by image through their ids. Both sides are brought to dataset label space
 * (label and predictions minus the label map's offset), so a 1001-class model pairs with a 1000-class
 * one. Refuses results of different datasets or subsets unless asked to intersect, and always refuses
 * a paired image whose two labels disagree.
 */
public final class Pairing {
    private static final int EXAMPLES = 3;

    private Pairing() {
    }

    /**
     * One image seen by both runs, both in dataset label space (so {@code a.label() == b.label()}).
     *
     * @param a the reference run's result
     * @param b the candidate run's result
     */
    public record Pair(ImageResult a, ImageResult b) {
        public String id() {
            return a.id();
        }

        public int label() {
            return a.label();
        }
    }

    /**
     * The pairs, in the reference run's order, and what was left out.
     *
     * @param pairs        the images both runs evaluated
     * @param onlyInA      ids evaluated only by the reference run (dropped when intersecting)
     * @param onlyInB      ids evaluated only by the candidate run
     * @param intersected  whether unequal sets were intersected on request
     * @param sameManifest whether both runs recorded the same dataset manifest hash
     */
    public record Paired(List<Pair> pairs, int onlyInA, int onlyInB, boolean intersected, boolean sameManifest) {
        public Paired {
            pairs = List.copyOf(pairs);
        }
    }

    public static Paired pair(LoadedResults a, LoadedResults b, boolean intersect) throws IncompatibleResultsException {
        Map<String, ImageResult> left = byId(a);
        Map<String, ImageResult> right = byId(b);
        List<String> onlyA = left.keySet().stream().filter(id -> !right.containsKey(id)).toList();
        List<String> onlyB = right.keySet().stream().filter(id -> !left.containsKey(id)).toList();
        String manifestA = manifest(a.results());
        String manifestB = manifest(b.results());
        boolean sameManifest = Objects.equals(manifestA, manifestB);
        boolean sameImages = onlyA.isEmpty() && onlyB.isEmpty();
        if ((!sameManifest || !sameImages) && !intersect) {
            throw new IncompatibleResultsException(mismatch(a, b, onlyA, onlyB, left.size() - onlyA.size()));
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (ImageResult ra : left.values()) {
            ImageResult rb = right.get(ra.id());
            if (rb == null) {
                continue;
            }
            if (ra.label() != rb.label()) {
                disagreements.add("'" + ra.id() + "' is class " + ra.label() + " in " + a.file() + " and "
                        + rb.label() + " in " + b.file());
                continue;
            }
            pairs.add(new Pair(ra, rb));
        }
        if (!disagreements.isEmpty()) {
            throw new IncompatibleResultsException("the two results disagree on the ground truth of "
                    + disagreements.size() + " image" + (disagreements.size() > 1 ? "s" : "") + ": "
                    + String.join("; ", disagreements.subList(0, Math.min(EXAMPLES, disagreements.size())))
                    + " (dataset labels, after each label map's offset: " + labels(a) + " vs " + labels(b)
                    + "); results with different label maps cannot be paired");
        }
        return new Paired(pairs, onlyA.size(), onlyB.size(), !sameImages || !sameManifest, sameManifest);
    }

    private static Map<String, ImageResult> byId(LoadedResults loaded) throws IncompatibleResultsException {
        int offset = offset(loaded.results());
        Map<String, ImageResult> map = new LinkedHashMap<>();
        for (ImageResult r : loaded.results().images()) {
            ImageResult shifted = offset == 0 ? r : shift(r, offset);
            if (map.put(r.id(), shifted) != null) {
                throw new IncompatibleResultsException(loaded.file() + " lists image '" + r.id()
                        + "' twice; a results file has one entry per image");
            }
        }
        return map;
    }

    private static ImageResult shift(ImageResult r, int offset) {
        int[] top5 = r.top5();
        for (int i = 0; i < top5.length; i++) {
            top5[i] -= offset;
        }
        return new ImageResult(r.id(), r.label() - offset, top5, r.scores());
    }

    static int offset(EvaluationResults r) {
        return r.dataset() == null || r.dataset().labels() == null ? 0 : r.dataset().labels().offset();
    }

    private static String manifest(EvaluationResults r) {
        return r.dataset() == null ? null : r.dataset().manifestSha256();
    }

    private static String labels(LoadedResults r) {
        EvaluationResults.LabelMap m = r.results().dataset() == null ? null : r.results().dataset().labels();
        return m == null ? "no label map" : m.source() + " offset " + m.offset();
    }

    private static String mismatch(LoadedResults a, LoadedResults b, List<String> onlyA, List<String> onlyB,
            int common) {
        StringBuilder m = new StringBuilder(a.file()).append(" and ").append(b.file())
                .append(" were not evaluated on the same images: ");
        List<String> what = new ArrayList<>();
        String manifestA = manifest(a.results());
        String manifestB = manifest(b.results());
        if (!Objects.equals(manifestA, manifestB)) {
            what.add("different datasets (dataset.manifestSha256 " + shortHash(manifestA) + " of '" + datasetId(a)
                    + "' vs " + shortHash(manifestB) + " of '" + datasetId(b) + "')");
        }
        EvaluationResults.Subset sa = a.results().dataset() == null ? null : a.results().dataset().subset();
        EvaluationResults.Subset sb = b.results().dataset() == null ? null : b.results().dataset().subset();
        if (!Objects.equals(sa, sb)) {
            what.add("different subsets (" + subset(sa) + " vs " + subset(sb) + ")");
        }
        what.add(onlyA.size() + " id" + (onlyA.size() == 1 ? "" : "s") + " only in " + a.file() + examples(onlyA, b)
                + ", " + onlyB.size() + " only in " + b.file() + examples(onlyB, a));
        m.append(String.join("; ", what));
        m.append(". Pass --intersect to compare the ").append(common).append(" image").append(common == 1 ? "" : "s")
                .append(" both evaluated.");
        return m.toString();
    }

    /** A few ids, and how many of them the other run could not evaluate (a failure there, not another subset). */
    private static String examples(List<String> ids, LoadedResults other) {
        if (ids.isEmpty()) {
            return "";
        }
        Set<String> failedThere = other.results().failures().stream().map(EvaluationResults.Failure::id)
                .collect(Collectors.toSet());
        long failed = ids.stream().filter(failedThere::contains).count();
        String list = ids.stream().limit(EXAMPLES).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return " (e.g. " + list + (failed > 0 ? "; " + failed + " of them failed in " + other.file() : "") + ")";
    }

    private static String subset(EvaluationResults.Subset s) {
        if (s == null) {
            return "the whole dataset";
        }
        List<String> parts = new ArrayList<>();
        if (s.limit() != null) {
            parts.add("--limit " + s.limit());
        }
        if (s.seed() != null) {
            parts.add("--seed " + s.seed());
        }
        if (s.shardIndex() != null) {
            parts.add("--shard " + s.shardIndex() + "/" + s.shardCount());
        }
        return parts.isEmpty() ? "the whole dataset" : String.join(" ", parts);
    }

    private static String datasetId(LoadedResults r) {
        return r.results().dataset() == null ? "?" : r.results().dataset().id();
    }

    static String shortHash(String sha) {
        return sha == null ? "(none)" : sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }
}
