package org.rdkzoo.cli.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.rdkzoo.cli.TextTable;
import org.rdkzoo.evaluator.sim.DefaultSearch;
import org.rdkzoo.evaluator.sim.Int16Search;
import org.rdkzoo.evaluator.sim.Sensitivity;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

/** How {@code rdkzoo sim} prints its tables: the per-layer ones in hb_mapper's shape, so the two read alike. */
final class SimView {
    private SimView() {
    }

    /** hb_mapper's "The main quantized node information" and "The quantized model output" tables. */
    static void layers(PrintWriter out, SimilarityTable table) {
        out.println("The main quantized node information:");
        TextTable t = new TextTable("Node", "ON", "Subgraph", "Type", "Cosine Similarity", "Threshold", "DataType");
        for (LayerSimilarity l : table.layers()) {
            t.row(l.node(), l.on(), l.subgraph() == null ? "--" : l.subgraph(), l.type(), number(l.cosine()),
                    number(l.threshold()), l.dataType());
        }
        t.print(out);
        out.println("The quantized model output:");
        TextTable o = new TextTable("Output", "Cosine Similarity", "L1 Distance", "L2 Distance", "Chebyshev Distance");
        for (OutputSimilarity s : table.outputs()) {
            o.row(s.output(), number(s.cosine()), number(s.l1()), number(s.l2()), number(s.chebyshev()));
        }
        o.print(out);
    }

    static void search(PrintWriter out, DefaultSearch.Result r) {
        out.println("Default calibration search (target output cosine " + DefaultSearch.TARGET + "):");
        TextTable t = new TextTable("", "calibration", "per_channel", "asymmetric", "output cosine");
        for (int i = 0; i < r.candidates().size(); i++) {
            DefaultSearch.Candidate c = r.candidates().get(i);
            t.row(i == r.chosen() ? "*" : "", c.method() + (c.maxPercentile() < 1 ? " " + c.maxPercentile() : ""),
                    c.perChannel(), c.asymmetric(), number(c.cosine()));
        }
        t.print(out);
        out.println(r.selection());
    }

    static void sensitivity(PrintWriter out, Sensitivity.Result s, int top) {
        out.println(String.format(Locale.ROOT, "Sensitivity: output cosine with one node %s at a time "
                + "(baseline %.6f, %d samples), largest gain first:", s.mode(), s.baseline(), s.samples()));
        TextTable t = new TextTable("rank", "node", "type", "output cosine", "regained");
        List<Sensitivity.Entry> rows = s.ranking().subList(0, Math.min(top, s.ranking().size()));
        for (int i = 0; i < rows.size(); i++) {
            Sensitivity.Entry e = rows.get(i);
            t.row(i + 1, e.node(), e.opType(), number(e.cosine()), String.format(Locale.ROOT, "%+.6f", e.regained()));
        }
        t.print(out);
    }

    static void int16Search(PrintWriter out, Int16Search.Result r, double floatTop1) {
        out.println(String.format(Locale.ROOT, "int16 search (float Top-1 %.2f%%, budget %.2f points; greedy over the "
                + "sensitivity ranking):", floatTop1 * 100, r.maxDrop()));
        TextTable t = new TextTable("int16 nodes", "Top-1 drop (points)");
        for (Int16Search.Step s : r.steps()) {
            t.row(s.nodes(), String.format(Locale.ROOT, "%.2f", s.drop()));
        }
        t.print(out);
        out.println(r.reached()
                ? String.format(Locale.ROOT, "%d int16 node%s bring the drop to %.2f points:", r.nodes().size(),
                        r.nodes().size() == 1 ? "" : "s", r.drop())
                : String.format(Locale.ROOT, "the budget was not met; the best set tried (%d nodes) leaves a drop of "
                        + "%.2f points:", r.nodes().size(), r.drop()));
    }

    static String number(Double v) {
        return v == null || v.isNaN() ? "--" : String.format(Locale.ROOT, "%.6f", v);
    }
}
