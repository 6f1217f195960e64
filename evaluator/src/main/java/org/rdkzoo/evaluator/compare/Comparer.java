package org.rdkzoo.evaluator.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rdkzoo.evaluator.compare.Comparison.Accuracy;
import org.rdkzoo.evaluator.compare.Comparison.Change;
import org.rdkzoo.evaluator.compare.Comparison.ClassDelta;
import org.rdkzoo.evaluator.compare.Comparison.PairedImage;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.results.RecordDiff;
import org.rdkzoo.evaluator.stats.Confidence;
import org.rdkzoo.evaluator.stats.Interval;
import org.rdkzoo.evaluator.stats.McNemar;
import org.rdkzoo.evaluator.stats.PairedDifference;
import org.rdkzoo.evaluator.stats.Wilson;

/**
 * Compares two results image by image: pairs them, counts, and derives every figure of a
 * {@link Comparison}. Pure: no I/O, the same inputs always give the same comparison.
 */
public final class Comparer {
    static final String DELTA_METHOD = "Newcombe square-and-add (paired, Wilson score)";

    private Comparer() {
    }

    /**
     * Compares reference {@code a} with candidate {@code b}.
     *
     * @param provenance the comparison's own provenance; the two files are added as its inputs
     * @throws IncompatibleResultsException when the two cannot be paired (see {@link Pairing})
     */
    public static Comparison compare(LoadedResults a, LoadedResults b, CompareOptions options, Provenance provenance)
            throws IncompatibleResultsException {
        Pairing.Paired paired = Pairing.pair(a, b, options.intersect());
        Map<Integer, String> names = classNames(a.results(), b.results());
        Confidence confidence = options.confidence();

        List<PairedImage> images = new ArrayList<>(paired.pairs().size());
        int[] top1 = new int[4];
        int[] top5 = new int[4];
        int same = 0;
        double overlap = 0;
        Map<Integer, int[]> perClass = new TreeMap<>();
        for (Pairing.Pair p : paired.pairs()) {
            EvaluationResults.ImageResult ra = p.a();
            EvaluationResults.ImageResult rb = p.b();
            Change change = change(ra.correctTop1(), rb.correctTop1());
            top1[change.ordinal()]++;
            top5[change(ra.correctTop5(), rb.correctTop5()).ordinal()]++;
            if (ra.top1() == rb.top1()) {
                same++;
            }
            overlap += overlap(ra.top5(), rb.top5());
            int[] c = perClass.computeIfAbsent(p.label(), k -> new int[5]);
            c[0]++;
            c[1] += ra.correctTop1() ? 1 : 0;
            c[2] += rb.correctTop1() ? 1 : 0;
            c[3] += change == Change.LOST ? 1 : 0;
            c[4] += change == Change.GAINED ? 1 : 0;
            images.add(new PairedImage(p.id(), p.label(), names.get(p.label()), ra.top1(), names.get(ra.top1()),
                    score(ra), ra.correctTop5(), rb.top1(), names.get(rb.top1()), score(rb), rb.correctTop5(), change));
        }
        int n = images.size();
        Accuracy accuracy1 = accuracy(top1, n, confidence);
        Accuracy accuracy5 = accuracy(top5, n, confidence);
        Comparison.Agreement agreement = new Comparison.Agreement(same, n, n == 0 ? Double.NaN : (double) same / n,
                n == 0 ? Double.NaN : overlap / n);

        List<ClassDelta> classes = new ArrayList<>();
        perClass.forEach((label, c) -> classes.add(new ClassDelta(label, names.get(label), c[0], c[1], c[2], c[3], c[4],
                (double) (c[2] - c[1]) / c[0])));
        classes.sort(Comparator.comparingInt(ClassDelta::net).thenComparingDouble(ClassDelta::delta)
                .thenComparingInt(ClassDelta::label));

        Interval dropInterval = accuracy1.delta().interval().scaled(-100);
        Verdict verdict = Verdict.judge(options.threshold(), accuracy1.a().value(), -accuracy1.delta().value() * 100,
                dropInterval, accuracy1.mcnemar().pValue(), confidence.level());

        Comparison.PairingSummary pairing = new Comparison.PairingSummary(n, paired.onlyInA(), paired.onlyInB(),
                paired.intersected(), paired.sameManifest());
        return new Comparison(Comparison.FORMAT, confidence.level(), side("A", a), side("B", b), pairing,
                differences(a.results(), b.results()), accuracy1, accuracy5, agreement,
                flips(images, Change.LOST, PairedImage::aScore), flips(images, Change.GAINED, PairedImage::bScore),
                classes, verdict, images, names, provenance.withInputs(List.of(a.input(), b.input())));
    }

    /**
     * The flips of one direction, most confident first (by the score of the side that was right): a
     * confident loss is the one worth looking at; ties keep the dataset order.
     */
    private static List<PairedImage> flips(List<PairedImage> images, Change change,
            java.util.function.ToDoubleFunction<PairedImage> score) {
        return images.stream().filter(i -> i.change() == change)
                .sorted(Comparator.comparingDouble((PairedImage i) -> Double.isNaN(score.applyAsDouble(i)) ? -1
                        : score.applyAsDouble(i)).reversed())
                .toList();
    }

    private static Accuracy accuracy(int[] counts, int n, Confidence confidence) {
        int lost = counts[Change.LOST.ordinal()];
        int gained = counts[Change.GAINED.ordinal()];
        int bothRight = counts[Change.BOTH_RIGHT.ordinal()];
        int bothWrong = counts[Change.BOTH_WRONG.ordinal()];
        Comparison.Rate a = rate(bothRight + lost, n, confidence);
        Comparison.Rate b = rate(bothRight + gained, n, confidence);
        double delta = n == 0 ? Double.NaN : (double) (gained - lost) / n;
        Interval interval = PairedDifference.interval(bothRight, gained, lost, bothWrong, confidence);
        double p = n == 0 ? Double.NaN : McNemar.exactPValue(lost, gained);
        return new Accuracy(a, b, new Comparison.Delta(delta, interval, DELTA_METHOD),
                new Comparison.McNemarTest(lost, gained, p));
    }

    private static Comparison.Rate rate(int correct, int n, Confidence confidence) {
        return new Comparison.Rate(correct, n, n == 0 ? Double.NaN : (double) correct / n,
                Wilson.interval(correct, n, confidence));
    }

    private static Change change(boolean a, boolean b) {
        return a ? (b ? Change.BOTH_RIGHT : Change.LOST) : (b ? Change.GAINED : Change.BOTH_WRONG);
    }

    /** Share of the shorter top-k list that the other one also holds. */
    private static double overlap(int[] a, int[] b) {
        int k = Math.min(a.length, b.length);
        if (k == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (a[i] == b[j]) {
                    common++;
                    break;
                }
            }
        }
        return (double) common / k;
    }

    private static float score(EvaluationResults.ImageResult r) {
        float[] s = r.scores();
        return s.length == 0 ? Float.NaN : s[0];
    }

    /** Dataset class names: from the label maps when they carry names, else from the per-class metrics (A first). */
    private static Map<Integer, String> classNames(EvaluationResults a, EvaluationResults b) {
        Map<Integer, String> names = new HashMap<>();
        for (EvaluationResults r : List.of(a, b)) {
            EvaluationResults.LabelMap map = r.dataset() == null ? null : r.dataset().labels();
            if (map != null) {
                for (int i = 0; i < map.names().size(); i++) {
                    names.putIfAbsent(i, map.names().get(i));
                }
            }
        }
        for (EvaluationResults r : List.of(a, b)) {
            if (r.metrics() != null) {
                // Per-class entries are keyed by the model's class index: back to dataset labels.
                int offset = Pairing.offset(r);
                r.metrics().perClass().forEach(c -> {
                    if (c.name() != null) {
                        names.putIfAbsent(c.label() - offset, c.name());
                    }
                });
            }
        }
        return names;
    }

    private static Comparison.Side side(String name, LoadedResults loaded) {
        EvaluationResults r = loaded.results();
        String kind = r.backend() == null ? "unknown" : r.backend().kind();
        String model = r.model() == null || r.model().path() == null ? "?" : fileName(r.model().path());
        return new Comparison.Side(name, kind + " " + model, loaded.file(), loaded.sha256(), "sim".equals(kind),
                r.backend(), r.model(), r.dataset(), r.preprocessing(), r.images().size(), r.failures().size(),
                r.provenance());
    }

    static String fileName(String path) {
        Path p = Path.of(path.replace('\\', '/')).getFileName();
        return p == null ? path : p.toString();
    }

    /** The recorded settings that differ: what the comparison is actually measuring. */
    private static List<RecordDiff.Difference> differences(EvaluationResults a, EvaluationResults b) {
        List<RecordDiff.Difference> d = new ArrayList<>();
        d.addAll(RecordDiff.of("backend.kind", kind(a), kind(b)));
        d.addAll(RecordDiff.of("backend.versions", a.backend() == null ? null : a.backend().versions(),
                b.backend() == null ? null : b.backend().versions()));
        d.addAll(RecordDiff.of("model.file", a.model() == null ? null : fileName(a.model().path()),
                b.model() == null ? null : fileName(b.model().path())));
        d.addAll(RecordDiff.of("model.sha256", a.model() == null ? null : a.model().sha256(),
                b.model() == null ? null : b.model().sha256()));
        d.addAll(RecordDiff.of("preprocessing", a.preprocessing(), b.preprocessing()));
        if (a.dataset() != null && b.dataset() != null) {
            d.addAll(RecordDiff.of("dataset.manifestSha256", a.dataset().manifestSha256(), b.dataset().manifestSha256()));
            d.addAll(RecordDiff.of("dataset.subset", a.dataset().subset(), b.dataset().subset()));
            // Names are for display: a map with names and one without still label the images alike.
            RecordDiff.of("dataset.labels", a.dataset().labels(), b.dataset().labels()).stream()
                    .filter(x -> !x.field().equals("dataset.labels.names")).forEach(d::add);
        }
        return d;
    }

    private static String kind(EvaluationResults r) {
        return r.backend() == null ? null : r.backend().kind();
    }
}
