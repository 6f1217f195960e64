package org.rdkzoo.cli.compare;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.report.ParamsCounter;
import org.rdkzoo.evaluator.report.PublishedFigures;
import org.rdkzoo.evaluator.report.ReportException;
import org.rdkzoo.evaluator.report.ReportFormat;
import org.rdkzoo.evaluator.report.ReportInputs;
import org.rdkzoo.evaluator.report.ZooReport;
import org.rdkzoo.evaluator.report.ZooReportBuilder;
import org.rdkzoo.evaluator.report.ZooReports;
import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.LoadedResults;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdkzoo report RESULTS...}: the zoo's table, measured, beside the zoo's published figures. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        header = "The zoo's table for every evaluated model, measured, beside the zoo's published figures.",
        description = {
            "One row per model and quantized backend: input size, classes, params, float Top-1, quantized Top-1 "
                    + "(bpu, or sim marked as simulated), the change with its 95%% interval (paired when both ran on "
                    + "the same images), and the board's latency and FPS from bench results.",
            "A float result (backend onnxruntime) and a quantized one are the same model when they have the same "
                    + "catalog id, or else the same file stem once lower-cased and stripped of the zoo's "
                    + "_224x224_nv12 and hb_mapper's _quantized_model suffixes. --pair says it explicitly.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo report float.json board.json sim.json --bench bench.json",
            "  rdkzoo report --bench b2-bench.json --bench b3-bench.json b2-*.json b3-*.json",
            "  rdkzoo report results/*.json --pair results/mnv3-float.json=results/mnv3-board.json --format html",
        })
public final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS.json", description = "Results files (float, board, simulated).")
    List<Path> results;

    // One file per option: an open-ended arity would swallow the results files that follow it.
    @Option(names = "--bench", paramLabel = "BENCH.json",
            description = "Bench results (rdkzoo bench) for the latency and FPS columns; repeat for several.")
    List<Path> bench = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "FLOAT.json=QUANT.json",
            description = "Say that two of the results are the float and the quantized run of one model.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md (default, to paste into a README), csv, json or html.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path out;

    @Mixin
    ZooOptions zoo;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (format == ReportFormat.TEXT) {
            throw new CliException(ExitCodes.USAGE, "report renders md, csv, json or html (the table is too wide for"
                    + " text)");
        }
        List<LoadedResults> loaded = results.stream().map(CommandFiles::results).toList();
        List<LoadedBench> benches = bench.stream().map(CommandFiles::bench).toList();
        ReportInputs inputs = new ReportInputs(loaded, benches, publishedFigures(), pairs());
        Provenance provenance = Provenance.start(context.clock(), CommandFiles.commandLine(spec), Map.of());
        ZooReport report;
        try {
            report = ZooReportBuilder.build(inputs, paramsCounter(), provenance.finish(context.clock()));
        } catch (ReportException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        CommandFiles.write(context, out, ZooReports.render(report, format));
        return ExitCodes.OK;
    }

    /** The zoo's published figures for every catalog entry (user catalogs included), keyed by catalog id. */
    List<PublishedFigures> publishedFigures() {
        List<PublishedFigures> out = new ArrayList<>();
        for (CatalogEntry e : zoo.catalog(context).entries()) {
            org.rdkzoo.downloader.catalog.PublishedFigures f = e.figures();
            out.add(new PublishedFigures(e.id(), number(f.paramsM()), number(f.floatTop1()), number(f.quantTop1()),
                    number(f.latency1tMs()), number(f.latencyMtMs()), number(f.fps()),
                    "RDK X5 model zoo (" + e.stem() + ")"));
        }
        return out;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /**
     * Parameters of a float ONNX model, counted from its graph: the weights (conv and matmul weights and
     * biases, normalisation parameters), not the exporter's shapes and constants.
     */
    ParamsCounter paramsCounter() {
        return model -> OptionalLong.of(OnnxModel.read(model).parameterCount().weights());
    }

    /** {@code A=B} options, each side matched to a results path as given (so ./a.json and a.json agree). */
    private List<ReportInputs.Pair> pairs() {
        List<ReportInputs.Pair> out = new ArrayList<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new CliException(ExitCodes.USAGE, "--pair takes FLOAT.json=QUANT.json, was '" + p + "'");
            }
            out.add(new ReportInputs.Pair(asGiven(p.substring(0, eq)), asGiven(p.substring(eq + 1))));
        }
        return out;
    }

    private String asGiven(String file) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        for (Path r : results) {
            if (r.toAbsolutePath().normalize().equals(target)) {
                return r.toString();
            }
        }
        return file;
    }
}
