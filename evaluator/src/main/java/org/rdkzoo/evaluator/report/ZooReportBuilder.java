package org.rdkzoo.evaluator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.rdkzoo.evaluator.compare.CompareOptions;
import org.rdkzoo.evaluator.compare.Comparer;
import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.IncompatibleResultsException;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.stats.Confidence;
import org.rdkzoo.evaluator.stats.IndependentDifference;
import org.rdkzoo.evaluator.stats.Interval;
import org.rdkzoo.evaluator.stats.Wilson;
import org.rdkzoo.runtime.bench.Throughput;

/**
 * Builds the {@link ZooReport}: groups results by model ({@link ModelKeys}, or {@code --pair}), pairs a
 * float result with each quantized one, computes the delta (paired when both ran on the same images),
 * attaches bench results to {@code bpu} rows and the zoo's published figures to every row of the model.
 */
public final class ZooReportBuilder {
    static final String FLOAT = "onnxruntime";
    private static final String PAIRED = "Newcombe square-and-add (paired)";
    private static final String UNPAIRED = "Newcombe hybrid score (independent samples)";

    private ZooReportBuilder() {
    }

    /**
     * @param params     counts the float ONNX model's parameters
     * @param provenance the report's own provenance; the input files are added to it
     */
    public static ZooReport build(ReportInputs inputs, ParamsCounter params, Provenance provenance)
            throws ReportException {
        Confidence confidence = Confidence.NINETY_FIVE;
        List<String> notes = new ArrayList<>();
        List<Group> groups = group(inputs);
        Map<String, PublishedFigures> published = new HashMap<>();
        for (PublishedFigures p : inputs.published()) {
            published.putIfAbsent(ModelKeys.normalise(p.modelId()), p);
        }
        attachBench(groups, inputs.bench(), notes);

        List<ZooReport.Row> rows = new ArrayList<>();
        for (Group g : groups) {
            Long count = count(g.floatRun, params, notes);
            PublishedFigures zoo = published.get(g.key);
            List<String> backends = new ArrayList<>(g.quant.keySet());
            if (g.bench != null && !g.quant.containsKey("bpu")) {
                backends.add(0, "bpu");
            }
            if (backends.isEmpty()) {
                backends.add(null);
            }
            for (String backend : backends) {
                LoadedResults quant = backend == null ? null : g.quant.get(backend);
                LoadedResults any = g.floatRun != null ? g.floatRun : quant;
                ZooReport.Delta delta = g.floatRun == null || quant == null ? null
                        : delta(g.floatRun, quant, confidence, provenance, notes);
                rows.add(new ZooReport.Row(g.name, g.key, backend, "sim".equals(backend), inputSize(any),
                        any == null || any.results().model() == null ? null : any.results().model().classes(), count,
                        run(g.floatRun, confidence), run(quant, confidence), delta,
                        "bpu".equals(backend) ? bench(g.bench) : null, zoo));
            }
        }
        if (rows.stream().anyMatch(ZooReport.Row::simulated)) {
            notes.add("Rows marked sim are the int8 simulation on the PC, not figures measured on the board.");
        }
        List<Provenance.InputFile> files = new ArrayList<>();
        inputs.results().forEach(r -> files.add(r.input()));
        inputs.bench().forEach(b -> files.add(b.input()));
        return new ZooReport(ZooReport.FORMAT, confidence.level(), rows, notes, provenance.withInputs(files));
    }

    /** The results of one model: at most one float and one per quantized backend, plus its bench. */
    private static final class Group {
        final String key;
        String name;
        LoadedResults floatRun;
        final Map<String, LoadedResults> quant = new TreeMap<>(Comparator.comparing(ZooReportBuilder::backendOrder)
                .thenComparing(Comparator.naturalOrder()));
        LoadedBench bench;

        Group(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    private static int backendOrder(String kind) {
        return "bpu".equals(kind) ? 0 : "sim".equals(kind) ? 1 : 2;
    }

    private static List<Group> group(ReportInputs inputs) throws ReportException {
        Map<String, LoadedResults> byFile = new LinkedHashMap<>();
        for (LoadedResults r : inputs.results()) {
            if (byFile.put(r.file(), r) != null) {
                throw new ReportException(r.file() + " is given twice");
            }
        }
        List<Group> groups = new ArrayList<>();
        Set<String> paired = new HashSet<>();
        for (ReportInputs.Pair p : inputs.pairs()) {
            LoadedResults f = known(byFile, p.floatFile(), p);
            LoadedResults q = known(byFile, p.quantFile(), p);
            for (String file : List.of(p.floatFile(), p.quantFile())) {
                if (!paired.add(file)) {
                    throw new ReportException(file + " appears in two --pair options; each result belongs to one pair");
                }
            }
            Group g = new Group(key(f), name(f));
            g.floatRun = f;
            g.quant.put(kind(q), q);
            groups.add(g);
        }
        Map<String, Group> byKey = new TreeMap<>();
        for (LoadedResults r : inputs.results()) {
            if (paired.contains(r.file())) {
                continue;
            }
            Group g = byKey.computeIfAbsent(key(r), k -> new Group(k, name(r)));
            String kind = kind(r);
            LoadedResults previous = FLOAT.equals(kind) ? g.floatRun : g.quant.get(kind);
            if (previous != null) {
                throw new ReportException("model '" + g.key + "' has two " + kind + " results (" + previous.file() + ", "
                        + r.file() + "): pass --pair FLOAT.json=QUANT.json to say which go together, or report them"
                        + " separately");
            }
            if (FLOAT.equals(kind)) {
                g.floatRun = r;
                g.name = name(r);
            } else {
                g.quant.put(kind, r);
            }
        }
        groups.addAll(byKey.values());
        groups.sort(Comparator.comparing(g -> g.key));
        return groups;
    }

    private static LoadedResults known(Map<String, LoadedResults> byFile, String file, ReportInputs.Pair p)
            throws ReportException {
        LoadedResults r = byFile.get(file);
        if (r == null) {
            throw new ReportException("--pair " + p.floatFile() + "=" + p.quantFile() + ": " + file
                    + " is not among the results given (" + String.join(", ", byFile.keySet()) + ")");
        }
        return r;
    }

    /** A bench goes with the bpu result of the same model file (sha256), else with the model of the same key. */
    private static void attachBench(List<Group> groups, List<LoadedBench> benches, List<String> notes) {
        for (LoadedBench b : benches) {
            BenchResults.Model m = b.bench().model();
            Group target = groups.stream().filter(g -> g.quant.containsKey("bpu") && Objects.equals(
                    g.quant.get("bpu").results().model().sha256(), m.sha256())).findFirst().orElse(null);
            if (target == null) {
                String key = ModelKeys.of(m.catalogId(), m.path());
                target = groups.stream().filter(g -> g.key.equals(key)).findFirst().orElse(null);
                if (target == null) {
                    target = new Group(key, m.catalogId() != null ? m.catalogId() : stem(m.path()));
                    groups.add(target);
                    groups.sort(Comparator.comparing(g -> g.key));
                }
                if (target.quant.containsKey("bpu")) {
                    notes.add("bench " + b.file() + " timed " + m.path() + " (sha256 " + shortSha(m.sha256())
                            + "), not the .bin of " + target.quant.get("bpu").file() + "; shown beside it by model name");
                }
            }
            if (target.bench != null) {
                notes.add("bench " + b.file() + " replaces " + target.bench.file() + " for " + target.name
                        + " (one bench per model; the last given wins)");
            }
            target.bench = b;
        }
    }

    private static ZooReport.Delta delta(LoadedResults f, LoadedResults q, Confidence confidence, Provenance provenance,
            List<String> notes) {
        try {
            Comparison c = Comparer.compare(f, q, new CompareOptions(false, null, confidence), provenance);
            Comparison.Accuracy top1 = c.top1();
            return new ZooReport.Delta(top1.delta().value() * 100, top1.delta().interval().scaled(100), true,
                    c.pairing().paired(), PAIRED, top1.mcnemar().pValue());
        } catch (IncompatibleResultsException e) {
            EvaluationResults.Metrics mf = metrics(f);
            EvaluationResults.Metrics mq = metrics(q);
            notes.add("unpaired delta for " + f.file() + " and " + q.file() + ": " + e.getMessage());
            Interval ci = IndependentDifference.interval(mq.top1(), mq.images(), mf.top1(), mf.images(), confidence)
                    .scaled(100);
            double points = mq.images() == 0 || mf.images() == 0 ? Double.NaN
                    : ((double) mq.top1() / mq.images() - (double) mf.top1() / mf.images()) * 100;
            return new ZooReport.Delta(points, ci, false, Math.min(mf.images(), mq.images()), UNPAIRED, Double.NaN);
        }
    }

    /** Counts from the images (the source of truth), not the file's metrics block. */
    private static EvaluationResults.Metrics metrics(LoadedResults r) {
        int top1 = 0;
        int top5 = 0;
        for (EvaluationResults.ImageResult i : r.results().images()) {
            top1 += i.correctTop1() ? 1 : 0;
            top5 += i.correctTop5() ? 1 : 0;
        }
        int n = r.results().images().size();
        return new EvaluationResults.Metrics(n, top1, top5, n == 0 ? Double.NaN : (double) top1 / n,
                n == 0 ? Double.NaN : (double) top5 / n, r.results().failures().size(), List.of());
    }

    private static ZooReport.Run run(LoadedResults r, Confidence confidence) {
        if (r == null) {
            return null;
        }
        EvaluationResults.Metrics m = metrics(r);
        EvaluationResults e = r.results();
        return new ZooReport.Run(r.file(), kind(r), e.model() == null ? null : fileName(e.model().path()),
                e.model() == null ? null : e.model().sha256(), e.dataset() == null ? null : e.dataset().id(), m.images(),
                m.top1(), m.top1Accuracy() * 100, Wilson.interval(m.top1(), m.images(), confidence).scaled(100),
                m.top5Accuracy() * 100);
    }

    private static ZooReport.Bench bench(LoadedBench b) {
        if (b == null) {
            return null;
        }
        BenchResults r = b.bench();
        Optional<Throughput> many = r.multiThread();
        // Without a multi-thread run, FPS is the single-thread throughput (one thread's run, if measured).
        double fps = r.fps();
        return new ZooReport.Bench(b.file(), r.latency() == null ? Double.NaN : r.latency().meanMs(),
                many.map(Throughput::threadAverageMs).orElse(Double.NaN), many.map(Throughput::threads).orElse(null),
                fps, r.libdnnVersion());
    }

    private static Long count(LoadedResults floatRun, ParamsCounter params, List<String> notes) {
        if (floatRun == null || floatRun.results().model() == null || floatRun.results().model().path() == null) {
            return null;
        }
        Path model = Path.of(floatRun.results().model().path());
        try {
            OptionalLong n = params.count(model);
            return n.isPresent() ? n.getAsLong() : null;
        } catch (IOException | RuntimeException e) {
            notes.add("params of " + model + " not counted: " + e.getMessage());
            return null;
        }
    }

    private static String inputSize(LoadedResults r) {
        if (r == null || r.results().preprocessing() == null) {
            return null;
        }
        return r.results().preprocessing().width() + "x" + r.results().preprocessing().height();
    }

    private static String key(LoadedResults r) {
        EvaluationResults.Model m = r.results().model();
        return m == null ? ModelKeys.ofFile(r.file()) : ModelKeys.of(m.catalogId(), m.path());
    }

    private static String name(LoadedResults r) {
        EvaluationResults.Model m = r.results().model();
        if (m != null && m.catalogId() != null) {
            return m.catalogId();
        }
        return stem(m == null ? r.file() : m.path());
    }

    private static String kind(LoadedResults r) {
        return r.results().backend() == null ? "unknown" : r.results().backend().kind();
    }

    private static String stem(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String shortSha(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}
