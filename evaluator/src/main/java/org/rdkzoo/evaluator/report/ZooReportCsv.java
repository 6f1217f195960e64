package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.evaluator.report.ZooReport.Row;

/** One row per model and backend, every figure in its own column; zoo figures prefixed {@code zoo_}. */
final class ZooReportCsv {
    static final List<String> HEADER = List.of("model", "backend", "simulated", "input", "classes", "params",
            "float_file", "float_images", "float_top1", "float_top1_low", "float_top1_high", "float_top5",
            "quant_file", "quant_images", "quant_top1", "quant_top1_low", "quant_top1_high", "quant_top5",
            "delta_points", "delta_low", "delta_high", "delta_paired", "delta_images", "mcnemar_p",
            "latency_1t_ms", "latency_mt_ms", "mt_threads", "fps", "libdnn", "zoo_params_m", "zoo_float_top1",
            "zoo_quant_top1", "zoo_latency_1t_ms", "zoo_latency_mt_ms", "zoo_fps");

    private ZooReportCsv() {
    }

    static String render(ZooReport report) {
        Csv csv = new Csv().row(HEADER);
        for (Row r : report.rows()) {
            List<String> c = new ArrayList<>();
            c.add(r.model());
            c.add(r.backend() == null ? "" : r.backend());
            c.add(Boolean.toString(r.simulated()));
            c.add(r.inputSize() == null ? "" : r.inputSize());
            c.add(r.classes() == null ? "" : r.classes().toString());
            c.add(r.params() == null ? "" : r.params().toString());
            run(c, r.floatRun());
            run(c, r.quantRun());
            ZooReport.Delta d = r.delta();
            c.add(d == null ? "" : Numbers.csv(d.points()));
            c.add(d == null ? "" : Numbers.csv(d.interval().lower()));
            c.add(d == null ? "" : Numbers.csv(d.interval().upper()));
            c.add(d == null ? "" : Boolean.toString(d.paired()));
            c.add(d == null ? "" : Integer.toString(d.images()));
            c.add(d == null ? "" : Numbers.csv(d.pValue()));
            ZooReport.Bench b = r.bench();
            c.add(b == null ? "" : Numbers.csv(b.latency1ThreadMs()));
            c.add(b == null ? "" : Numbers.csv(b.latencyMultiThreadMs()));
            c.add(b == null || b.threads() == null ? "" : b.threads().toString());
            c.add(b == null ? "" : Numbers.csv(b.fps()));
            c.add(b == null || b.libdnnVersion() == null ? "" : b.libdnnVersion());
            PublishedFigures p = r.published();
            for (Double v : p == null ? java.util.Arrays.asList(new Double[6]) : java.util.Arrays.asList(
                    p.paramsMillions(), p.floatTop1Percent(), p.quantTop1Percent(), p.latency1ThreadMs(),
                    p.latencyMultiThreadMs(), p.fps())) {
                c.add(v == null ? "" : Numbers.csv(v));
            }
            csv.row(c);
        }
        return csv.toString();
    }

    private static void run(List<String> c, ZooReport.Run run) {
        if (run == null) {
            c.addAll(List.of("", "", "", "", "", ""));
            return;
        }
        c.add(run.file());
        c.add(Integer.toString(run.images()));
        c.add(Numbers.csv(run.top1Percent()));
        c.add(Numbers.csv(run.top1Interval().lower()));
        c.add(Numbers.csv(run.top1Interval().upper()));
        c.add(Numbers.csv(run.top5Percent()));
    }
}
