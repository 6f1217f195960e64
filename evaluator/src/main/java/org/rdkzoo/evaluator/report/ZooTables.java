package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdkzoo.evaluator.report.ZooReport.Row;
import org.rdkzoo.evaluator.stats.Interval;

/** The cells of the zoo table as plain strings, shared by the Markdown and HTML renderers. */
final class ZooTables {
    static final List<String> HEADERS = List.of("Model", "Backend", "Input", ">Classes", ">Params (M)", "Float Top-1",
            "Quant Top-1", "Top-1 change (95% CI)", ">Images", ">Latency 1T (ms)", ">Latency MT (ms)", ">FPS");

    private ZooTables() {
    }

    static String backend(Row r) {
        if (r.backend() == null) {
            return "-";
        }
        return r.simulated() ? "sim (simulated)" : r.backend();
    }

    /** The measured row. */
    static List<String> measured(Row r) {
        List<String> c = new ArrayList<>();
        c.add(r.model());
        c.add(backend(r));
        c.add(r.inputSize() == null ? "" : r.inputSize());
        c.add(r.classes() == null ? "" : Integer.toString(r.classes()));
        c.add(r.params() == null ? "" : String.format(Locale.ROOT, "%.2f", r.params() / 1e6));
        c.add(top1(r.floatRun()));
        c.add(top1(r.quantRun()));
        c.add(delta(r.delta()));
        c.add(images(r));
        c.add(r.bench() == null ? "" : Numbers.decimal(r.bench().latency1ThreadMs(), 2));
        c.add(r.bench() == null || Double.isNaN(r.bench().latencyMultiThreadMs()) ? "" : Numbers.decimal(
                r.bench().latencyMultiThreadMs(), 2) + " (" + r.bench().threads() + " threads)");
        c.add(r.bench() == null ? "" : Numbers.decimal(r.bench().fps(), 2));
        return c;
    }

    /** The zoo's published row for the model of {@code r}. */
    static List<String> published(Row r) {
        PublishedFigures p = r.published();
        return List.of(r.model() + " (zoo, published)", "bpu", "", "", number(p.paramsMillions()),
                number(p.floatTop1Percent()), number(p.quantTop1Percent()), p.deltaPoints() == null ? ""
                        : String.format(Locale.ROOT, "%+.2f", p.deltaPoints()), "", number(p.latency1ThreadMs()),
                number(p.latencyMultiThreadMs()), number(p.fps()));
    }

    static String top1(ZooReport.Run run) {
        if (run == null) {
            return "";
        }
        return Double.isNaN(run.top1Percent()) ? Numbers.NA : String.format(Locale.ROOT, "%.2f (%s)", run.top1Percent(),
                range(run.top1Interval(), "%.2f-%.2f"));
    }

    static String delta(ZooReport.Delta d) {
        if (d == null) {
            return "";
        }
        if (Double.isNaN(d.points())) {
            return Numbers.NA;
        }
        return String.format(Locale.ROOT, "%+.2f (%s)%s", d.points(), range(d.interval(), "%+.2f to %+.2f"),
                d.paired() ? "" : " unpaired");
    }

    static String images(Row r) {
        if (r.delta() != null && r.delta().paired()) {
            return Integer.toString(r.delta().images());
        }
        List<String> parts = new ArrayList<>();
        if (r.floatRun() != null) {
            parts.add(Integer.toString(r.floatRun().images()));
        }
        if (r.quantRun() != null) {
            parts.add(Integer.toString(r.quantRun().images()));
        }
        return String.join(" / ", parts);
    }

    static String legend(ZooReport report) {
        return "Top-1 in %, with " + Numbers.decimal(report.confidence() * 100, 0) + "% Wilson intervals. Top-1 change is"
                + " quantized minus float in points, with Newcombe's interval: paired (same images, McNemar-consistent)"
                + " unless marked unpaired (different images: the wider independent-samples interval). Images: paired"
                + " images, or float / quantized when unpaired. Params counted from the float ONNX graph. Latency and"
                + " FPS from rdkzoo bench on the board (bpu rows only). Rows marked (zoo, published) are the zoo's own"
                + " figures.";
    }

    private static String range(Interval ci, String format) {
        return ci.defined() ? String.format(Locale.ROOT, format, ci.lower(), ci.upper()) : Numbers.NA;
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** True when {@code r} is the last row of its model (where the zoo row goes). */
    static boolean lastOfModel(List<Row> rows, int i) {
        return i == rows.size() - 1 || !rows.get(i + 1).key().equals(rows.get(i).key());
    }
}
