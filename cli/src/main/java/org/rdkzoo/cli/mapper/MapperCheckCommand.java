package org.rdkzoo.cli.mapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.onnx.InvalidOnnxModelException;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStore;
import org.rdkzoo.mapperconfigs.logs.CheckerNode;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.CheckRunner;
import org.rdkzoo.mapperconfigs.toolchain.CheckerInputs;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo mapper check CONFIG | --model M.onnx}: which nodes run where, before a long build. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Run hb_mapper checker and show which nodes run on the BPU and which on the CPU.",
        description = {
            "Runs 'hb_mapper checker --model-type onnx --march bayes-e --model M' in <workspace>/checks/<id>, "
                    + "and prints its node table: node, where it runs, BPU subgraph, operator type, data types. CPU "
                    + "nodes split the model and cost latency.",
            "",
            "The checker reads input shapes from the model. rdkzoo adds '--input-shape NAME NxCxHxW' only for "
                    + "what the model does not say: shapes you give, the config's input_shape (the input's name read "
                    + "from the model when the config names none), and models with a symbolic batch (taken as 1). A "
                    + "model with other symbolic dimensions needs --input-shape or input_shape.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo mapper check EfficientNet_B2_config.yaml",
            "  rdkzoo mapper check --model efficientnet_b2.onnx --input-shape data=1x3x224x224 --format json",
        })
public final class MapperCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "CONFIG", description = "hb_mapper YAML config (its onnx_model is checked).")
        Path config;

        @Option(names = "--model", paramLabel = "M.onnx", description = "Check this ONNX model instead of a config's.")
        Path model;
    }

    @Option(names = "--input-shape", paramLabel = "NAME=NxCxHxW",
            description = "Input shape for the checker (repeatable); overrides the config's.")
    Map<String, String> inputShapes = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the checker after this long. Default: no limit.")
    Duration timeout;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    MapperBuildCommand.Format format = MapperBuildCommand.Format.TABLE;

    @Mixin
    ToolchainOptions toolchain;

    MapperCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path model = source.model;
        MapperConfig c = MapperConfig.empty();
        if (source.config != null) {
            try {
                c = MapperConfigReader.read(source.config);
            } catch (ConfigFormatException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            model = c.resolvedPath(ConfigKey.ONNX_MODEL, null).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    source.config + ": " + ConfigKey.ONNX_MODEL.path() + " is missing"));
        }
        if (!Files.isRegularFile(model)) {
            throw new CliException(ExitCodes.USAGE, "no such model file: " + model);
        }
        Map<String, String> shapes = new LinkedHashMap<>();
        try {
            for (CheckerInputs.Shape s : CheckerInputs.shapes(c, OnnxModel.read(model), inputShapes)) {
                shapes.put(s.input(), s.shape());
                if (!s.from().equals("--input-shape")) {
                    context.info("--input-shape " + s.input() + " " + s.shape() + " (from " + s.from() + ")");
                }
            }
        } catch (InvalidOnnxModelException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, model + ": " + e.getMessage());
        }
        Path folder = toolchain.workspace(context).resolve("checks").resolve(ExperimentStore.newId(context.clock(),
                model.toString()));
        CancelToken cancel = new CancelToken();
        CheckRunner.Result r;
        try (InterruptHook hook = new InterruptHook(cancel)) {
            r = new CheckRunner(toolchain.locate(context), context.env(), context.clock())
                    .check(model, shapes, folder, timeout, cancel, line -> { });
        }
        if (format == MapperBuildCommand.Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", r.model().toString());
            doc.put("succeeded", r.succeeded());
            doc.put("exitCode", r.exitCode());
            doc.put("folder", r.folder().toString());
            doc.put("versions", r.log().versions());
            doc.put("subgraphs", r.log().subgraphCount());
            doc.put("nodes", r.log().nodes());
            doc.put("errors", r.log().errors());
            doc.put("command", r.command());
            context.out().println(Json.write(doc));
        } else if (!r.log().nodes().isEmpty()) {
            TextTable t = new TextTable("node", "on", "subgraph", "type", "data types");
            for (CheckerNode n : r.log().nodes()) {
                t.row(n.node(), n.on(), n.subgraph(), n.type(), n.dataType());
            }
            t.print(context.out());
            List<CheckerNode> cpu = r.log().cpuNodes();
            context.out().println(r.log().nodes().size() + " nodes: " + (r.log().nodes().size() - cpu.size())
                    + " on the BPU in " + r.log().subgraphCount() + " subgraph(s), " + cpu.size() + " on the CPU"
                    + (cpu.isEmpty() ? "" : " (" + String.join(", ", cpu.stream().map(CheckerNode::node).toList()) + ")"));
        }
        context.out().flush();
        if (!r.succeeded()) {
            String why = r.log().errors().isEmpty() ? "no node table in the log" : String.join("; ", r.log().errors());
            throw new CliException(ExitCodes.FAILURE, "hb_mapper checker failed (exit " + r.exitCode() + "): " + why
                    + "; log in " + r.folder());
        }
        context.info("checker log: " + r.folder().resolve(CheckRunner.LOG));
        return ExitCodes.OK;
    }
}
