package org.rdkzoo.cli.board;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.cli.eval.ModelLocator;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.PublishedFigures;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.BenchFiles;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.runtime.BpuModel;
import org.rdkzoo.runtime.HbDnnException;
import org.rdkzoo.runtime.InferenceSession;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.bench.BenchLoop;
import org.rdkzoo.runtime.bench.BenchResult;
import org.rdkzoo.runtime.bench.LatencyStats;
import org.rdkzoo.runtime.bench.ModelBenchmark;
import org.rdkzoo.runtime.bench.Throughput;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdkzoo bench}: the zoo table's latency and FPS columns for a {@code .bin}, measured on the BPU. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Latency and FPS of a .bin on the BPU, measured as hrt_model_exec perf measures them.",
        description = {
            "Fills the model's input once with seeded random data, then times --frames inferences on one thread "
                    + "(latency: mean, p50, p99) and, for each --threads count, --frames inferences split over that "
                    + "many threads, each with its own session (FPS = frames / wall time; the latency of the "
                    + "multi-thread run is the threads' average, hrt_model_exec's 'Thread Average'). An inference "
                    + "is flush, hbDNNInfer, wait, release: no pre- or post-processing.",
            "",
            "Prints the zoo table's columns (single-thread latency, multi-thread latency, FPS), beside the zoo's "
                    + "published figures when the model is in the catalog. --out writes the measurement for "
                    + "'rdkzoo report --bench'. Runs on an RDK X5 (libdnn: --libdnn, $RDKZOO_LIBDNN, "
                    + "/usr/lib/libdnn.so). A libdnn stand-in is announced on stderr: its figures are not board "
                    + "figures.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo bench --model /opt/hobot/model/x5/basic/EfficientNet_B2_224x224_nv12.bin",
            "  rdkzoo bench --model efficientnet_b2 --threads 1,2,4,8 --frames 1000 --out b2-bench.json",
            "  rdkzoo report b2-float.json b2-board.json --bench b2-bench.json",
            "",
            "Exit codes: 0 measured, 1 an inference failed, 2 bad input (or a .bin libdnn refuses), 5 no libdnn "
                    + "here (bench needs an RDK X5), 130 interrupted.",
        })
public final class BenchCommand implements Callable<Integer> {
    /** {@code --format}: the table for people, or the bench document for scripts. */
    enum Format {
        TABLE, JSON
    }

    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "The .bin, or a catalog name whose cached .bin is timed.")
    String model;

    @Option(names = "--threads", paramLabel = "T[,T...]", split = ",", defaultValue = "1,4",
            description = "Thread counts of the FPS runs (default: ${DEFAULT-VALUE}, as the zoo's table: its FPS and "
                    + "multi-thread latency come from 4 threads).")
    List<Integer> threads;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "200",
            description = "Timed inferences per run, all threads together (default: ${DEFAULT-VALUE}, as "
                    + "hrt_model_exec's frame_count).")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "Untimed inferences before each run, per thread (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "A .bin that packs several models: the one to time (default: the first).")
    String modelName;

    @Mixin
    LibdnnOption libdnn;

    @Mixin
    ZooOptions zooOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the measurement (rdkzoo.bench/1 JSON) here.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (the --out document) on stdout.")
    Format format;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ModelBenchmark.Options options;
        try {
            options = new ModelBenchmark.Options(frames, warmup, threads, InferenceSession.DEFAULT_TIMEOUT, 1);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        ModelLocator.Located located = ModelLocator.locate(context, zooOptions, model, true);
        Path file = located.file();
        Libdnn loaded = libdnn.load(context);
        Provenance started = Provenance.start(context.clock(), List.copyOf(spec.commandLine().getParseResult()
                .originalArgs()), Map.of("libdnn", loaded.version()));
        BenchResult measured;
        try (BpuModel bpuModel = load(loaded, file)) {
            String name = modelName != null ? modelName : bpuModel.modelNames().get(0);
            if (!bpuModel.modelNames().contains(name)) {
                throw new CliException(ExitCodes.USAGE, file + " holds no model named '" + name + "'; it holds "
                        + bpuModel.modelNames());
            }
            context.info("timing " + name + " from " + file + ": " + frames + " frames on 1 thread, then on "
                    + threads.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " thread(s), after "
                    + warmup + " warm-up frames per thread");
            measured = ModelBenchmark.run(bpuModel, name, options, BenchLoop.withSystemClock());
        } catch (HbDnnException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": " + e.getMessage(), e);
        }
        BenchResults results = BenchResults.of(new BenchResults.Model(file.toString(), Sha256.of(file),
                measured.model(), located.catalogId()), measured, loaded.version(), started.finish(context.clock()));
        if (out != null) {
            BenchFiles.write(out, results);
        }
        if (format == Format.JSON) {
            context.out().println(Json.write(results));
            context.out().flush();
        } else {
            render(results, loaded, published(located));
        }
        return ExitCodes.OK;
    }

    private static BpuModel load(Libdnn libdnn, Path file) {
        try {
            return libdnn.loadModel(file);
        } catch (HbDnnException e) {
            throw new CliException(ExitCodes.USAGE, file + ": libdnn cannot load the model: " + e.getMessage(), e);
        }
    }

    /** The zoo's figures for the model: by catalog id, else by the file's name (the board's own copies). */
    private Optional<CatalogEntry> published(ModelLocator.Located located) {
        Catalog catalog = zooOptions.catalog(context);
        if (located.catalogId() != null) {
            return catalog.find(located.catalogId());
        }
        return catalog.byFile(located.file().getFileName().toString());
    }

    private void render(BenchResults r, Libdnn loaded, Optional<CatalogEntry> zoo) {
        PrintWriter o = context.out();
        o.println("model    " + r.model().path() + " (" + r.model().name() + "; sha256 "
                + r.model().sha256().substring(0, 12) + "…)");
        o.println("libdnn   " + r.libdnnVersion() + " (" + loaded.location() + ")"
                + (loaded.isStandIn() ? ": rdkzoo's stand-in, not the BPU" : ""));
        o.println("frames   " + frames + " per run, after " + warmup + " warm-up frames per thread");
        o.println();
        Optional<Throughput> many = r.multiThread();
        TextTable columns = new TextTable("Model", "Latency 1T (ms)", "Latency MT (ms)", "FPS");
        columns.row(r.model().name(), ms(r.latency().meanMs()),
                many.map(t -> ms(t.threadAverageMs()) + " (" + t.threads() + " threads)").orElse(null), fps(r.fps()));
        zoo.map(CatalogEntry::figures).ifPresent(p -> columns.row("zoo, published (" + zoo.get().id() + ")",
                figure(p.latency1tMs()), figure(p.latencyMtMs()), figure(p.fps())));
        columns.print(o);
        o.println();
        LatencyStats l = r.latency();
        o.println(String.format(Locale.ROOT, "1 thread: mean %s ms, p50 %s ms, p99 %s ms, min %s ms, max %s ms "
                + "(%d frames)", ms(l.meanMs()), ms(l.p50Ms()), ms(l.p99Ms()), ms(l.minMs()), ms(l.maxMs()),
                l.frames()));
        TextTable runs = new TextTable("Threads", "Frames", "Wall (ms)", "FPS", "Thread average (ms)",
                "Thread max (ms)");
        for (Throughput t : r.throughput()) {
            runs.row(t.threads(), t.frames(), ms(t.wallMs()), fps(t.fps()), ms(t.threadAverageMs()),
                    ms(t.threadMaxMs()));
        }
        runs.print(o);
        if (out != null) {
            o.println();
            o.println("results  " + out);
        }
        o.flush();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String fps(double value) {
        return Double.isNaN(value) ? null : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String figure(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
