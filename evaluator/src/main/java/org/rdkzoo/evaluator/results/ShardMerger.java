package org.rdkzoo.evaluator.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults.ClassMetrics;
import org.rdkzoo.evaluator.results.EvaluationResults.Dataset;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.EvaluationResults.LabelMap;
import org.rdkzoo.evaluator.results.EvaluationResults.Metrics;
import org.rdkzoo.evaluator.results.EvaluationResults.Subset;

/**
 * Joins the shards of one {@code --shard I/N} evaluation into the results of the whole run. Refuses
 * anything that would make the merged figures wrong: a file that is not a shard, shards of different
 * runs (model, dataset, subset, preprocessing, backend, label map, N), a shard index given twice or
 * missing, and an image present in two shards. Metrics and per-class counts are recomputed from the
 * images; failures are unioned; the merged provenance lists every input file with its hash.
 */
public final class ShardMerger {
    private static final int EXAMPLES = 5;

    private ShardMerger() {
    }

    /**
     * The merged results and what the user should know about them (shards that ran with different
     * runtime versions, on different dataset roots).
     */
    public record Merged(EvaluationResults results, List<String> warnings) {
        public Merged {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Merges {@code shards}. {@code provenance} is the merge's own (rdkzoo version, host, times, command
     * line); the input files and the versions the shards ran with are added to it.
     */
    public static Merged merge(List<LoadedResults> shards, Provenance provenance) throws ShardMergeException {
        if (shards.isEmpty()) {
            throw new ShardMergeException("no shards to merge");
        }
        for (LoadedResults s : shards) {
            Subset subset = s.results().dataset() == null ? null : s.results().dataset().subset();
            if (subset == null || subset.shardIndex() == null || subset.shardCount() == null) {
                throw new ShardMergeException(s.file() + " is not a shard: dataset.subset.shardIndex and shardCount"
                        + " are missing (only the results of an evaluation run with --shard I/N can be merged)");
            }
        }
        LoadedResults first = shards.get(0);
        List<String> warnings = new ArrayList<>();
        for (LoadedResults s : shards.subList(1, shards.size())) {
            checkSameRun(first, s, warnings);
        }
        Map<Integer, LoadedResults> byIndex = checkIndices(shards);
        Map<String, LoadedResults> owner = checkNoOverlap(byIndex);

        EvaluationResults base = first.results();
        List<ImageResult> images = new ArrayList<>();
        Map<String, EvaluationResults.Failure> failures = new TreeMap<>();
        Map<Integer, String> names = new HashMap<>();
        Map<String, String> versions = new TreeMap<>();
        for (LoadedResults s : byIndex.values()) {
            images.addAll(s.results().images());
            for (EvaluationResults.Failure f : s.results().failures()) {
                failures.put(f.id(), f);
            }
            if (s.results().metrics() != null) {
                for (ClassMetrics c : s.results().metrics().perClass()) {
                    if (c.name() != null) {
                        names.putIfAbsent(c.label(), c.name());
                    }
                }
            }
            if (s.results().provenance() != null) {
                s.results().provenance().versions().forEach(versions::putIfAbsent);
            }
        }
        // Sorted by id: the merged document is the same whatever way the images were dealt to shards.
        images.sort(Comparator.comparing(ImageResult::id));
        LabelMap labels = base.dataset().labels();
        int offset = labels == null ? 0 : labels.offset();
        if (labels != null) {
            // Label map names are by dataset label; per-class metrics by the model's class index.
            for (int i = 0; i < labels.names().size(); i++) {
                names.putIfAbsent(i + offset, labels.names().get(i));
            }
        }
        Metrics metrics = metrics(images, failures.size(), names);
        Dataset d = base.dataset();
        Subset subset = d.subset().limit() == null && d.subset().seed() == null ? null
                : new Subset(d.subset().limit(), d.subset().seed(), null, null);
        // Every image the shards covered, failed ones included, as the evaluation hashes its subset.
        Dataset dataset = new Dataset(d.id(), d.root(), d.layout(), d.manifestSha256(), d.totalImages(), subset,
                d.labels(), ImageIds.sha256(owner.keySet()));
        Provenance merged = provenance;
        for (Map.Entry<String, String> v : versions.entrySet()) {
            if (!merged.versions().containsKey(v.getKey())) {
                merged = merged.withVersion(v.getKey(), v.getValue());
            }
        }
        merged = merged.withInputs(byIndex.values().stream().map(LoadedResults::input).toList());
        EvaluationResults result = new EvaluationResults(EvaluationResults.FORMAT, base.backend(), base.model(), dataset,
                base.preprocessing(), metrics, images, List.copyOf(failures.values()), merged);
        return new Merged(result, warnings);
    }

    /**
     * Overall and per-class counts from the images. Per-class entries are keyed like {@link ImageResult#label()}
     * (the model's class index), as the evaluation writes them; {@code names} is keyed the same way.
     */
    public static Metrics metrics(List<ImageResult> images, int failures, Map<Integer, String> names) {
        int top1 = 0;
        int top5 = 0;
        Map<Integer, int[]> perClass = new TreeMap<>();
        for (ImageResult r : images) {
            int[] c = perClass.computeIfAbsent(r.label(), k -> new int[3]);
            c[0]++;
            if (r.correctTop1()) {
                top1++;
                c[1]++;
            }
            if (r.correctTop5()) {
                top5++;
                c[2]++;
            }
        }
        List<ClassMetrics> classes = new ArrayList<>();
        perClass.forEach((label, c) -> classes.add(new ClassMetrics(label, names.get(label), c[0], c[1], c[2])));
        int n = images.size();
        return new Metrics(n, top1, top5, n == 0 ? Double.NaN : (double) top1 / n, n == 0 ? Double.NaN
                : (double) top5 / n, failures, classes);
    }

    private static void checkSameRun(LoadedResults first, LoadedResults other, List<String> warnings)
            throws ShardMergeException {
        EvaluationResults a = first.results();
        EvaluationResults b = other.results();
        List<String> problems = new ArrayList<>();
        if (!Objects.equals(a.dataset().subset().shardCount(), b.dataset().subset().shardCount())) {
            problems.add("it is shard " + shard(b) + " and " + first.file() + " is shard " + shard(a)
                    + " (shards of different --shard N)");
        }
        same(problems, "model.sha256", sha(a.model()), sha(b.model()));
        same(problems, "backend.kind", a.backend() == null ? null : a.backend().kind(),
                b.backend() == null ? null : b.backend().kind());
        same(problems, "dataset.manifestSha256", a.dataset().manifestSha256(), b.dataset().manifestSha256());
        same(problems, "dataset.totalImages", a.dataset().totalImages(), b.dataset().totalImages());
        same(problems, "dataset.subset.limit", a.dataset().subset().limit(), b.dataset().subset().limit());
        same(problems, "dataset.subset.seed", a.dataset().subset().seed(), b.dataset().subset().seed());
        LabelMap la = a.dataset().labels();
        LabelMap lb = b.dataset().labels();
        same(problems, "dataset.labels.sha256", la == null ? null : la.sha256(), lb == null ? null : lb.sha256());
        same(problems, "dataset.labels.offset", la == null ? null : la.offset(), lb == null ? null : lb.offset());
        for (RecordDiff.Difference d : RecordDiff.of("preprocessing", a.preprocessing(), b.preprocessing())) {
            same(problems, d.field(), d.a(), d.b());
        }
        if (!problems.isEmpty()) {
            throw new ShardMergeException(other.file() + " is not a shard of the same run as " + first.file() + ": "
                    + String.join("; ", problems));
        }
        if (a.backend() != null && b.backend() != null && !a.backend().versions().equals(b.backend().versions())) {
            warnings.add(other.file() + " ran with backend versions " + b.backend().versions() + ", "
                    + first.file() + " with " + a.backend().versions() + "; the merged file records the latter");
        }
        if (!Objects.equals(a.dataset().root(), b.dataset().root())) {
            warnings.add(other.file() + " read the dataset from " + b.dataset().root() + ", " + first.file()
                    + " from " + a.dataset().root() + " (same manifest, so the same images)");
        }
    }

    private static void same(List<String> problems, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            problems.add(field + " is " + b + " here but " + a + " in the first shard");
        }
    }

    private static Map<Integer, LoadedResults> checkIndices(List<LoadedResults> shards) throws ShardMergeException {
        int count = shards.get(0).results().dataset().subset().shardCount();
        Map<Integer, LoadedResults> byIndex = new TreeMap<>();
        for (LoadedResults s : shards) {
            int index = s.results().dataset().subset().shardIndex();
            if (index < 1 || index > count) {
                throw new ShardMergeException(s.file() + " claims to be shard " + index + "/" + count
                        + ": a shard index runs from 1 to " + count);
            }
            LoadedResults previous = byIndex.put(index, s);
            if (previous != null) {
                throw new ShardMergeException("shard " + index + "/" + count + " is given twice: " + previous.file()
                        + " and " + s.file());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new ShardMergeException("missing shard" + (missing.size() > 1 ? "s " : " ") + join(missing) + " of "
                    + count + " (have " + join(new ArrayList<>(byIndex.keySet())) + "): a merge of an incomplete run"
                    + " would report the accuracy of a subset it was not asked for");
        }
        return byIndex;
    }

    private static Map<String, LoadedResults> checkNoOverlap(Map<Integer, LoadedResults> byIndex)
            throws ShardMergeException {
        Map<String, LoadedResults> owner = new LinkedHashMap<>();
        Map<String, String> overlaps = new TreeMap<>();
        for (LoadedResults s : byIndex.values()) {
            TreeSet<String> ids = new TreeSet<>();
            s.results().images().forEach(r -> ids.add(r.id()));
            s.results().failures().forEach(f -> ids.add(f.id()));
            for (String id : ids) {
                LoadedResults previous = owner.putIfAbsent(id, s);
                if (previous != null) {
                    overlaps.putIfAbsent(id, previous.file() + " and " + s.file());
                }
            }
            if (ids.size() != s.results().images().size() + s.results().failures().size()) {
                throw new ShardMergeException(s.file() + " lists an image more than once (among its images and"
                        + " failures); it is not a well-formed results file");
            }
        }
        if (!overlaps.isEmpty()) {
            StringBuilder m = new StringBuilder(overlaps.size() + " image" + (overlaps.size() > 1 ? "s are" : " is")
                    + " in two shards, e.g.");
            overlaps.entrySet().stream().limit(EXAMPLES).forEach(e -> m.append(" '").append(e.getKey())
                    .append("' (").append(e.getValue()).append(')'));
            m.append(": shards of one run never share an image");
            throw new ShardMergeException(m.toString());
        }
        return owner;
    }

    private static String shard(EvaluationResults r) {
        return r.dataset().subset().shardIndex() + "/" + r.dataset().subset().shardCount();
    }

    private static String sha(EvaluationResults.Model m) {
        return m == null ? null : m.sha256();
    }

    private static String join(List<Integer> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
