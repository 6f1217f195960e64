package org.rdkzoo.cli.mapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.experiments.BuildListener;
import org.rdkzoo.mapperconfigs.experiments.BuildRequest;
import org.rdkzoo.mapperconfigs.experiments.Experiment;
import org.rdkzoo.mapperconfigs.experiments.ExperimentRunner;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStatus;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStore;
import org.rdkzoo.mapperconfigs.experiments.PreparedBuild;
import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo mapper build CONFIG}: one makertbin run, recorded as an experiment. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        header = "Run hb_mapper makertbin on a config and record it as an experiment.",
        description = {
            "Validates the config first, as 'mapper validate' does, and refuses it on errors (printed with "
                    + "file:line:column; warnings are printed and the build goes on). Runs makertbin in a new "
                    + "experiment folder (<workspace>/experiments/<id>), streams its output to stderr and console.log, "
                    + "and records the config, model and calibration hashes, toolchain versions, per-layer and output "
                    + "similarity and the artifacts in experiment.json. Ctrl-C or --timeout stops the toolchain (and "
                    + "its container) and records it.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo mapper build EfficientNet_B2_config.yaml --timeout 2h --name b2-default",
            "  rdkzoo mapper build cfg.yaml --toolchain local          # inside the OE container",
            "Exit codes: 0 succeeded, 1 failed or timed out, 2 config errors, 5 no toolchain, 130 interrupted.",
        })
public final class MapperBuildCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "hb_mapper YAML config.")
    Path config;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the toolchain after this long (90s, 45m, 2h). Default: no limit.")
    Duration timeout;

    @Option(names = "--name", paramLabel = "LABEL", description = "A name for the experiment (usable as its id).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Option(names = {"-q", "--quiet"}, description = "Do not stream the toolchain's output.")
    boolean quiet;

    @Option(names = "--worst", paramLabel = "N", description = "Worst layers to show (default: ${DEFAULT-VALUE}).")
    int worst = 10;

    @Mixin
    ToolchainOptions toolchain;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    MapperBuildCommand(CliContext context) {
        this.context = context;
    }

    /** Output formats. */
    public enum Format {
        TABLE, JSON
    }

    @Override
    public Integer call() throws IOException {
        ExperimentRunner runner = new ExperimentRunner(new ExperimentStore(toolchain.workspace(context)),
                toolchain.locate(context), context.env(), context.clock(), Duration.ofSeconds(10));
        PreparedBuild prepared;
        try {
            prepared = runner.prepare(new BuildRequest(config, name, timeout, null, Map.of(), commandLine()));
        } catch (ConfigFormatException ex) {
            throw new CliException(ExitCodes.USAGE, ex.getMessage());
        }
        if (prepared.hasErrors()) {
            context.err().print(new ValidationReport(Map.of(config, prepared.diagnostics()), false).text());
            throw new CliException(ExitCodes.USAGE, config + " has " + prepared.errors().size()
                    + " error(s); nothing was run");
        }
        for (Diagnostic d : prepared.diagnostics()) {
            context.err().println(ValidationReport.line(d));
        }
        CancelToken cancel = new CancelToken();
        Experiment e;
        try (InterruptHook hook = new InterruptHook(cancel)) {
            e = runner.run(prepared, cancel, new BuildListener() {
                @Override
                public void started(Experiment exp) {
                    context.info("experiment " + exp.id() + " started in "
                            + runner.store().folder(exp.id()) + " (" + exp.toolchain().kind() + ")");
                }

                @Override
                public void line(String line) {
                    if (!quiet) {
                        context.err().println(line);
                        context.err().flush();
                    }
                }
            });
        }
        if (format == Format.JSON) {
            context.out().println(Json.write(e));
            context.out().flush();
        } else {
            ExperimentView.print(context.out(), e, worst, false);
        }
        if (e.status() != ExperimentStatus.SUCCEEDED) {
            context.warn("experiment " + e.id() + " " + e.status().label() + (e.message() == null ? "" : ": " + e.message())
                    + "; logs kept in " + runner.store().folder(e.id()));
        }
        return switch (e.status()) {
            case SUCCEEDED -> ExitCodes.OK;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            default -> ExitCodes.FAILURE;
        };
    }

    private List<String> commandLine() {
        return spec.commandLine().getParseResult().originalArgs();
    }
}
