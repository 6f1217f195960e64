package org.rdkzoo.cli.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ConsoleProgress;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.eval.EvaluationListener;
import org.rdkzoo.evaluator.eval.EvaluationRequest;
import org.rdkzoo.evaluator.eval.Evaluator;
import org.rdkzoo.evaluator.eval.PreprocessDefaults;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.eval.Summary;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.onnx.InvalidOnnxModelException;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.sim.CalibrationFiles;
import org.rdkzoo.evaluator.sim.CalibrationMethod;
import org.rdkzoo.evaluator.sim.CalibrationStats;
import org.rdkzoo.evaluator.sim.DefaultSearch;
import org.rdkzoo.evaluator.sim.Int16Search;
import org.rdkzoo.evaluator.sim.NodePrecision;
import org.rdkzoo.evaluator.sim.QuantSettings;
import org.rdkzoo.evaluator.sim.QuantizedModelException;
import org.rdkzoo.evaluator.sim.QuantizedStructure;
import org.rdkzoo.evaluator.sim.ReferenceOutputs;
import org.rdkzoo.evaluator.sim.Sensitivity;
import org.rdkzoo.evaluator.sim.SimBackend;
import org.rdkzoo.evaluator.sim.SimModel;
import org.rdkzoo.evaluator.sim.SimProgress;
import org.rdkzoo.evaluator.sim.SimReport;
import org.rdkzoo.evaluator.sim.Simulator;
import org.rdkzoo.evaluator.similarity.SimilarityTable;
import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.sim.ConfigSimSettings;
import org.rdkzoo.mapperconfigs.sim.NodeInfoBlock;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdkzoo sim}: int8 simulation of a float ONNX model on the PC, per-layer report, sensitivity. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        header = "Simulate the int8 quantization of a float ONNX model on the PC: Top-1, per-layer similarity, "
                + "sensitive layers.",
        description = {
            "Calibrates activation ranges on the calibration data (the .rgb files of 'mapper calib', or images) with "
                    + "hb_mapper's methods (max, percentile, kl, mix, or its 'default' search), puts int8 "
                    + "QuantizeLinear/DequantizeLinear pairs where the BPU computes in int8 (int16 for the "
                    + "config's node_info and --int16 nodes), evaluates the simulated model like 'eval' does "
                    + "(the results file pairs with the float run in 'compare'), and prints the per-layer table in "
                    + "hb_mapper's shape.",
            "",
            "--sensitivity ranks the layers by what keeping each alone in int16 regains (output cosine on the "
                    + "calibration samples). --max-drop X searches, greedily over that ranking, for the fewest int16 "
                    + "nodes that bring the simulated Top-1 drop within X points, and prints them as a node_info block "
                    + "(--write-config merges it into --config).",
            "",
            "A model that is already quantized (QOperator or QDQ) is refused with a list of its quantized nodes.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo mapper calib --images imagenet-sample-images --out calib --count 100",
            "  rdkzoo sim --model mobilenet_v1_0.25_224_keras_fp32.onnx --calib calib \\",
            "      --mean 127.5 --scale 1/127.5 --data ilsvrc2012-val-1300 \\",
            "      --calibration kl --per-channel --out sim-kl.json --report layers.json",
            "  rdkzoo compare float.json sim-kl.json",
            "  rdkzoo sim --model efficientnet_b2.onnx --config EfficientNet_B2.yaml \\",
            "      --data val --limit 500 --max-drop 1 --write-config b2-int16.yaml",
            "  rdkzoo experiments diff b2-default --sim layers.json",
            "",
            "Exit codes: 0 done, 2 bad input (or an already quantized model), 3 --max-drop",
            "not met, 130 interrupted.",
        })
public final class SimCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "The float .onnx file, or a catalog id whose cached .onnx is used.")
    String model;

    @Mixin
    ZooOptions zooOptions;

    @Option(names = "--calib", paramLabel = "DIR",
            description = "Calibration data: the folder 'mapper calib' wrote (float32 or uint8 RGB CHW tensors), or a "
                    + "folder of images (default: the config's cal_data_dir).")
    Path calib;

    @Option(names = "--calibration", paramLabel = "METHOD",
            description = "max, percentile, kl, mix or default (hb_mapper's search) (default: the config's "
                    + "calibration_type, else default).")
    String calibration;

    @Option(names = "--max-percentile", paramLabel = "P",
            description = "The quantile of |x| for percentile (and max, as hb_mapper's max_percentile) "
                    + "(default: 0.99995 for percentile).")
    Double maxPercentile;

    @Option(names = "--per-channel", negatable = true,
            description = "Weights per output channel (default: the config's per_channel, else per tensor).")
    Boolean perChannel;

    @Option(names = "--asymmetric", description = "Activations over [min, max] with a zero point.")
    boolean asymmetric;

    @Option(names = "--int16", paramLabel = "NODE", split = ",",
            description = "Keep these nodes in int16 (input and output), beside the config's node_info.")
    List<String> int16 = new ArrayList<>();

    @Option(names = "--cpu", paramLabel = "NODE", split = ",", description = "Run these nodes in float (on the CPU).")
    List<String> cpu = new ArrayList<>();

    @Mixin
    DatasetOptions dataset;

    @Mixin
    PreprocessOptions preprocessing;

    @Mixin
    RunOutputOptions run;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the per-layer report (and search, sensitivity) as JSON; 'experiments diff' reads it.")
    Path report;

    @Option(names = "--report-samples", paramLabel = "N",
            description = "Calibration samples the per-layer table compares on (default: ${DEFAULT-VALUE}).")
    int reportSamples = 32;

    @Option(names = "--search-samples", paramLabel = "N",
            description = "Calibration samples the default search and the sensitivity score on "
                    + "(default: ${DEFAULT-VALUE}).")
    int searchSamples = 32;

    @Option(names = "--sensitivity", description = "Rank the layers by what keeping each alone in int16 regains.")
    boolean sensitivity;

    @Option(names = "--sensitivity-mode", paramLabel = "MODE",
            description = "What each layer is switched to when ranking: int16 or cpu (float) (default: int16).")
    String sensitivityMode = "int16";

    @Option(names = "--top", paramLabel = "N", description = "Sensitivity rows to print (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--max-drop", paramLabel = "POINTS",
            description = "Find the fewest int16 nodes that bring the simulated Top-1 drop within this many points.")
    Double maxDrop;

    @Option(names = "--max-int16", paramLabel = "K",
            description = "The most int16 nodes --max-drop tries (default: ${DEFAULT-VALUE}).")
    int maxInt16 = 16;

    @Option(names = "--node-info", paramLabel = "FILE", description = "Write the node_info block --max-drop finds here.")
    Path nodeInfo;

    @Option(names = "--write-config", paramLabel = "YAML",
            description = "Write --config with the node_info --max-drop finds merged in.")
    Path writeConfig;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Also save the fake-quantized .onnx.")
    Path saveModel;

    @Option(names = "--format", paramLabel = "FORMAT", description = "stdout: text (default) or json (the report).")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    SimCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Provenance provenance = Provenance.start(context.clock(),
                List.copyOf(spec.commandLine().getParseResult().originalArgs()), Map.of("onnxruntime",
                        OrtBackend.runtimeVersion()));
        ModelLocator.Located located = ModelLocator.locate(context, zooOptions, model, false);
        if (located.bin()) {
            throw new CliException(ExitCodes.USAGE, model + " is a .bin, already compiled for the BPU: the simulation "
                    + "quantizes the float .onnx it came from (run the .bin with 'rdkzoo eval' on the board)");
        }
        Path file = located.file();
        OnnxModel onnx = readModel(file);
        Simulator sim;
        try {
            sim = Simulator.of(onnx, file.toString());
        } catch (QuantizedModelException e) {
            printQuantized(e.structure());
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        Path config = preprocessing.config();
        MapperConfig mapperConfig = config == null ? null : readConfig(config);
        ConfigSimSettings fromConfig = mapperConfig == null ? null : ConfigSimSettings.of(mapperConfig);
        QuantSettings settings = settings(fromConfig);
        try {
            sim.plan(settings.nodes());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, (config != null ? config + " / " : "") + "--int16/--cpu: "
                    + e.getMessage(), e);
        }
        PreprocessOverrides overrides = preprocessing.overrides();
        EvaluationRequest request = dataset.request(file, located.catalogId(), overrides);
        OrtBackend.Options ortOptions = ortOptions();

        PreprocessSpec preprocess;
        try (OrtBackend floatBackend = OrtBackend.open(file, ortOptions)) {
            preprocess = PreprocessDefaults.resolve(floatBackend.describe(), overrides);
        } catch (BackendException | InvalidInputException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        Path calibDir = calibrationFolder(fromConfig);
        CalibrationFiles samples;
        try {
            samples = CalibrationFiles.open(calibDir, preprocess);
        } catch (InvalidInputException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (!quiet) {
            context.info("sim: " + file.getFileName() + ", " + (settings.method() == CalibrationMethod.DEFAULT
                    ? "default search" : settings.describe()) + "; calibrating on " + samples.size()
                    + (samples.images() ? " images" : " tensors") + " of " + calibDir);
        }
        SimProgress progress = new Progress(new ConsoleProgress(context, quiet));
        CalibrationStats stats = sim.calibrate(samples, progress);

        ReferenceOutputs reference = null;
        boolean needReference = settings.method() == CalibrationMethod.DEFAULT || sensitivity || maxDrop != null;
        if (needReference) {
            reference = sim.reference(samples.first(searchSamples));
        }
        SimModel simulated;
        DefaultSearch.Result search = null;
        if (settings.method() == CalibrationMethod.DEFAULT) {
            search = sim.search(settings, stats, reference, progress);
            simulated = search.selected();
            if (!quiet) {
                context.info(search.selection());
            }
        } else {
            simulated = sim.build(settings, stats);
        }
        if (saveModel != null) {
            simulated.model().save(saveModel);
        }
        String label = report != null ? report.getFileName().toString() : file.getFileName() + " (sim)";
        SimilarityTable table = sim.layers(simulated, samples.first(reportSamples), label, progress);
        boolean text = format == OutputFormat.TEXT;
        var stdout = context.out();
        if (text) {
            stdout.println("sim: " + file + " — " + simulated.settings().describe() + "; " + simulated.plan().nodes().size()
                    + " quantized nodes, " + simulated.weights().size() + " weights, " + simulated.activations().size()
                    + " activation Q/DQ pairs; calibration: " + stats.samples() + " samples of " + calibDir);
            if (search != null) {
                SimView.search(stdout, search);
            }
            SimView.layers(stdout, table);
            stdout.flush();
        }

        Sensitivity.Result ranking = null;
        if (sensitivity || maxDrop != null) {
            NodePrecision mode = "cpu".equalsIgnoreCase(sensitivityMode) ? NodePrecision.cpu() : NodePrecision.int16();
            ranking = sim.sensitivity(simulated.settings(), stats, reference, mode, progress);
            if (text) {
                SimView.sensitivity(stdout, ranking, top);
            }
        }

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("calibrationData", calibDir.toString());
        extra.put("calibrationSamples", stats.samples());
        if (search != null) {
            extra.put("defaultSearch", search.selection());
        }
        EvaluationResults results;
        Path resultsFile;
        try (SimBackend backend = SimBackend.open(simulated, file, ortOptions, extra)) {
            Evaluator evaluator = prepare(request, backend);
            resultsFile = run.resultsFile(context, evaluator);
            if (!quiet) {
                context.info("evaluating " + evaluator.images().size() + " images of " + evaluator.dataset().id()
                        + " with the simulated model; results: " + resultsFile);
            }
            results = EvalCommand.runWithCheckpoint(context, quiet, evaluator, resultsFile);
        }
        if (results == null) {
            return ExitCodes.INTERRUPTED;
        }
        if (text) {
            stdout.print(Summary.of(results, resultsFile.toString()).text());
            stdout.println("compare with the float run of the same images: rdkzoo compare FLOAT.json " + resultsFile);
            stdout.flush();
        }

        Int16Search.Result found = null;
        if (maxDrop != null) {
            found = int16Search(sim, stats, simulated.settings(), request, ortOptions, ranking, results, extra);
            writeNodeInfo(found, file, mapperConfig);
        }
        SimReport doc = new SimReport(SimReport.FORMAT, new SimReport.Model(file.toString(), Sha256.of(file),
                simulated.plan().nodes().size(), simulated.weights().size()),
                new SimReport.Calibration(calibDir.toString(), stats.samples(), Math.min(reportSamples, samples.size()),
                        needReference ? reference.samples() : 0),
                simulated.record(), search == null ? null : SimReport.Search.of(search), table,
                simulated.activations(), ranking, found, provenance.finish(context.clock()));
        if (report != null) {
            doc.write(report);
            if (!quiet) {
                context.info("report: " + report);
            }
        }
        if (!text) {
            stdout.println(Json.write(doc));
            stdout.flush();
        }
        return found != null && !found.reached() ? ExitCodes.THRESHOLD : ExitCodes.OK;
    }

    private void checkOptions() {
        if (reportSamples < 1 || searchSamples < 1 || top < 0 || maxInt16 < 1) {
            throw new CliException(ExitCodes.USAGE, "--report-samples, --search-samples and --max-int16 must be at "
                    + "least 1, --top at least 0");
        }
        if (!sensitivityMode.equalsIgnoreCase("int16") && !sensitivityMode.equalsIgnoreCase("cpu")) {
            throw new CliException(ExitCodes.USAGE, "--sensitivity-mode: expected int16 or cpu, found '"
                    + sensitivityMode + "'");
        }
        if (maxDrop != null && (maxDrop < 0 || maxDrop.isNaN())) {
            throw new CliException(ExitCodes.USAGE, "--max-drop must be 0 or more points, was " + maxDrop);
        }
        if ((nodeInfo != null || writeConfig != null) && maxDrop == null) {
            throw new CliException(ExitCodes.USAGE, "--node-info and --write-config write what --max-drop finds: "
                    + "give --max-drop too");
        }
        if (writeConfig != null && preprocessing.config() == null) {
            throw new CliException(ExitCodes.USAGE, "--write-config merges the int16 nodes into --config: give "
                    + "--config too (or write the block alone with --node-info)");
        }
    }

    private static OnnxModel readModel(Path file) {
        try {
            return OnnxModel.read(file);
        } catch (InvalidOnnxModelException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": " + e.getMessage(), e);
        }
    }

    private static MapperConfig readConfig(Path file) {
        try {
            return MapperConfigReader.read(file);
        } catch (ConfigFormatException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "--config " + file + ": " + e.getMessage(), e);
        }
    }

    /** The options, then the config, then hb_mapper's defaults. */
    private QuantSettings settings(ConfigSimSettings c) {
        CalibrationMethod method;
        try {
            method = calibration != null ? CalibrationMethod.parse(calibration)
                    : c != null ? c.method() : CalibrationMethod.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, (calibration != null ? "--calibration: " : preprocessing.config() + ": ")
                    + e.getMessage(), e);
        }
        double percentile = maxPercentile != null ? maxPercentile
                : c != null && c.maxPercentile().isPresent() && calibration == null ? c.maxPercentile().getAsDouble()
                : method == CalibrationMethod.PERCENTILE ? QuantSettings.DEFAULT_PERCENTILE : 1.0;
        boolean channels = perChannel != null ? perChannel : c != null && c.perChannel();
        Map<String, NodePrecision> nodes = new LinkedHashMap<>(c != null ? c.nodes() : Map.of());
        int16.forEach(n -> nodes.put(n.strip(), NodePrecision.int16()));
        cpu.forEach(n -> nodes.put(n.strip(), NodePrecision.cpu()));
        try {
            return new QuantSettings(method, percentile, channels, asymmetric, nodes);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--max-percentile: " + e.getMessage(), e);
        }
    }

    private Path calibrationFolder(ConfigSimSettings c) {
        if (calib != null) {
            return calib;
        }
        if (c != null && c.calibrationData().isPresent()) {
            return c.calibrationData().get();
        }
        throw new CliException(ExitCodes.USAGE, "give the calibration data: --calib DIR (the folder 'rdkzoo mapper "
                + "calib' wrote, or images), or a --config with cal_data_dir");
    }

    private OrtBackend.Options ortOptions() {
        try {
            return new OrtBackend.Options(run.ortThreads);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--ort-threads: " + e.getMessage(), e);
        }
    }

    private Evaluator prepare(EvaluationRequest request, InferenceBackend backend) throws IOException {
        try {
            return Evaluator.prepare(request, backend, context.clock());
        } catch (InvalidInputException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** Prints what an already quantized model holds, before the refusal. */
    private void printQuantized(QuantizedStructure s) {
        var o = context.out();
        o.println(s.summary());
        TextTable t = new TextTable("node", "type");
        s.nodes().forEach(n -> t.row(n.name().isEmpty() ? "(unnamed)" : n.name(), n.opType()));
        t.print(o);
        o.flush();
    }

    /**
     * The --max-drop search: the float Top-1 on the evaluation images once, then a simulated evaluation per
     * probe (the all-int8 one is the main evaluation, already done).
     */
    private Int16Search.Result int16Search(Simulator sim, CalibrationStats stats, QuantSettings base,
            EvaluationRequest request, OrtBackend.Options ortOptions, Sensitivity.Result ranking,
            EvaluationResults int8, Map<String, Object> extra) throws Exception {
        Path tmp = Files.createTempDirectory("rdkzoo-sim");
        try {
            EvaluationRequest probeRequest = request.toBuilder().restart(true).build();
            double floatTop1;
            try (OrtBackend backend = OrtBackend.open(request.model(), ortOptions)) {
                if (!quiet) {
                    context.info("--max-drop: evaluating the float model on the same images");
                }
                floatTop1 = prepare(probeRequest, backend).run(tmp.resolve("float.json"), EvaluationListener.NONE)
                        .metrics().top1Accuracy();
            }
            Set<String> probed = new LinkedHashSet<>();
            Int16Search.Probe probe = nodes -> {
                if (nodes.isEmpty()) {
                    return 100 * (floatTop1 - int8.metrics().top1Accuracy());
                }
                QuantSettings s = base;
                for (String n : nodes) {
                    s = s.withNode(n, NodePrecision.int16());
                }
                try (SimBackend backend = SimBackend.open(sim.build(s, stats), request.model(), ortOptions, extra)) {
                    Path f = tmp.resolve("probe-" + probed.size() + ".json");
                    probed.add(f.toString());
                    return 100 * (floatTop1 - prepare(probeRequest, backend).run(f, EvaluationListener.NONE)
                            .metrics().top1Accuracy());
                }
            };
            Int16Search.Result r = Int16Search.search(ranking.distinctNodes(), maxDrop, maxInt16, probe,
                    new Progress(new ConsoleProgress(context, quiet)));
            if (format == OutputFormat.TEXT) {
                SimView.int16Search(context.out(), r, floatTop1);
            }
            return r;
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void writeNodeInfo(Int16Search.Result found, Path modelFile, MapperConfig mapperConfig) throws IOException {
        String block = NodeInfoBlock.snippet(found.nodes());
        if (format == OutputFormat.TEXT) {
            context.out().print(found.nodes().isEmpty() ? "(no node needs int16)\n" : block);
            context.out().flush();
        }
        if (nodeInfo != null) {
            Files.writeString(nodeInfo, block);
            if (!quiet) {
                context.info("node_info: " + nodeInfo);
            }
        }
        if (writeConfig != null) {
            String drop = String.format(Locale.ROOT, "%.2f", found.drop());
            NodeInfoBlock.write(mapperConfig, found.nodes(), preprocessing.config().toString(), List.of(
                    "node_info: " + found.nodes().size() + " int16 node(s) from 'rdkzoo sim --max-drop " + maxDrop + "' on "
                            + modelFile.getFileName() + " (simulated Top-1 drop " + drop + " points"
                            + (found.reached() ? ")." : ", budget not met).")),
                    Instant.now(context.clock()), writeConfig);
            if (!quiet) {
                context.info("config: " + writeConfig);
            }
        }
    }

    /** The simulation's stages as progress bars (plain lines when stderr is not a terminal). */
    private static final class Progress implements SimProgress {
        private final ConsoleProgress console;
        private ConsoleProgress.Task task;

        Progress(ConsoleProgress console) {
            this.console = console;
        }

        @Override
        public void begin(String stage, int total) {
            task = console.start(stage, total > 0 ? total : -1, ConsoleProgress.Unit.ITEMS);
        }

        @Override
        public void step(String detail) {
            if (task != null) {
                task.stepBy(1);
                task.extra(detail);
            }
        }

        @Override
        public void end() {
            if (task != null) {
                task.close();
                task = null;
            }
        }
    }
}
