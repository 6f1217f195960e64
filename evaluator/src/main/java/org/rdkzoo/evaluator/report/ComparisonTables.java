package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.Comparison.ClassDelta;
import org.rdkzoo.evaluator.compare.Comparison.PairedImage;
import org.rdkzoo.evaluator.compare.Verdict;
import org.rdkzoo.evaluator.results.RecordDiff;

/**
 * The content of a comparison report as plain strings, shared by the text, Markdown and HTML renderers
 * so that every format says the same thing. Strings are raw: each renderer escapes for its medium.
 */
final class ComparisonTables {
    private ComparisonTables() {
    }

    /** A table of raw cells; a header starting with '>' is a right-aligned column. */
    record Table(List<String> headers, List<List<String>> rows) {
    }

    static String headline(Comparison c) {
        Comparison.Side a = c.a();
        String dataset = a.dataset() == null ? "" : " of '" + a.dataset().id() + "'";
        String images = c.pairing().paired() == 1 ? " paired image" : " paired images";
        return c.pairing().paired() + images + dataset;
    }

    /** "onnxruntime efficientnet_b2.onnx" plus a warning for simulated runs. */
    static String sideLabel(Comparison.Side s) {
        return s.label() + (s.simulated() ? " (int8 simulation on the PC, not a board figure)" : "");
    }

    static String differences(Comparison c) {
        if (c.differences().isEmpty()) {
            return "The two runs record the same backend, model, preprocessing and label map.";
        }
        List<String> parts = new ArrayList<>();
        for (RecordDiff.Difference d : c.differences()) {
            parts.add(d.field() + " (" + shorten(d.a()) + " vs " + shorten(d.b()) + ")");
        }
        return "The runs differ in: " + String.join(", ", parts) + ".";
    }

    /** What pairing left out, or null when nothing was. */
    static String pairingNote(Comparison c) {
        Comparison.PairingSummary p = c.pairing();
        if (!p.intersected()) {
            return null;
        }
        return "Intersected (--intersect): " + p.onlyInA() + " image" + (p.onlyInA() == 1 ? "" : "s") + " only in A and "
                + p.onlyInB() + " only in B were left out" + (p.sameManifest() ? "" : "; the runs record different"
                + " dataset manifests") + ".";
    }

    static Table accuracy(Comparison c) {
        List<List<String>> rows = List.of(accuracyRow("Top-1", c.top1()), accuracyRow("Top-5", c.top5()));
        return new Table(List.of("", "A", "B", "B - A (points)", ">McNemar exact p"), rows);
    }

    private static List<String> accuracyRow(String name, Comparison.Accuracy acc) {
        return List.of(name, Numbers.rate(acc.a().value(), acc.a().interval()),
                Numbers.rate(acc.b().value(), acc.b().interval()),
                Numbers.delta(acc.delta().value(), acc.delta().interval()), Verdict.formatP(acc.mcnemar().pValue()));
    }

    static String accuracyNote(Comparison c) {
        return "Accuracy in %, " + Numbers.decimal(c.confidence() * 100, 0) + "% Wilson score intervals; B - A with "
                + "the paired Newcombe interval (square-and-add); McNemar's exact test on the images that flipped.";
    }

    static String agreement(Comparison c) {
        Comparison.Agreement g = c.agreement();
        if (g.images() == 0) {
            return "Agreement: no paired images.";
        }
        return "Agreement: same top-1 class on " + g.top1Same() + " of " + g.images() + " images ("
                + Numbers.percent(g.top1Rate()) + "%); top-5 overlap " + Numbers.percent(g.top5Overlap()) + "%.";
    }

    static String flipsSummary(Comparison c) {
        int lost = c.lost().size();
        int gained = c.gained().size();
        return "Flips at Top-1: " + lost + " right -> wrong, " + gained + " wrong -> right (net "
                + String.format(java.util.Locale.ROOT, "%+d", gained - lost) + ").";
    }

    /** Classes that lost images, worst first, at most {@code limit}. */
    static Table lostClasses(Comparison c, RenderOptions options) {
        List<ClassDelta> losing = c.classes().stream().filter(d -> d.net() < 0).toList();
        List<List<String>> rows = new ArrayList<>();
        for (ClassDelta d : losing.subList(0, options.limit(losing.size()))) {
            rows.add(List.of(Integer.toString(d.label()), name(d.name()), Integer.toString(d.images()),
                    Integer.toString(d.aCorrect()), Integer.toString(d.bCorrect()), String.format(java.util.Locale.ROOT,
                            "%+d", d.net()), Numbers.points(d.delta()), Integer.toString(d.lost()),
                    Integer.toString(d.gained())));
        }
        return new Table(List.of(">class", "name", ">images", ">A right", ">B right", ">net", ">delta (points)",
                ">lost", ">gained"), rows);
    }

    static String classesNote(Comparison c, Table shown) {
        long losing = c.classes().stream().filter(d -> d.net() < 0).count();
        long gaining = c.classes().stream().filter(d -> d.net() > 0).count();
        if (losing == 0) {
            return "No class lost images (" + c.classes().size() + " classes compared, " + gaining + " gained).";
        }
        return losing + " of " + c.classes().size() + " classes lost images, " + gaining + " gained"
                + (shown.rows().size() < losing ? "; the " + shown.rows().size() + " that lost most:" : ":");
    }

    static Table flips(List<PairedImage> flips, RenderOptions options) {
        List<List<String>> rows = new ArrayList<>();
        for (PairedImage p : flips.subList(0, options.limit(flips.size()))) {
            rows.add(List.of(p.id(), labelled(p.label(), p.labelName()),
                    labelled(p.aTop1(), p.aTop1Name()) + " (" + Numbers.score(p.aScore()) + ")",
                    labelled(p.bTop1(), p.bTop1Name()) + " (" + Numbers.score(p.bScore()) + ")"));
        }
        return new Table(List.of("image", "class", "A top-1 (score)", "B top-1 (score)"), rows);
    }

    static String more(int shown, int total, String what) {
        return shown < total ? (total - shown) + " more " + what + " not shown (--top 0 shows all; --format csv lists"
                + " every image)." : null;
    }

    static String labelled(int label, String name) {
        return name == null ? Integer.toString(label) : label + " " + name;
    }

    private static String name(String n) {
        return n == null ? "" : n;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "none";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
