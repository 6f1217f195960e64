package org.rdkzoo.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Subcommands are listed in {@link #SUBCOMMANDS}, one line each, and registered by
 * {@link Main#commandLine(CliContext, String...)}: only the one a command line names, since building every
 * command's model costs about a third of a second at each start.
 */
@Command(
        name = "rdkzoo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Fetch, quantize and evaluate the D-Robotics RDK X5 model zoo.",
        description = {
            "Models: the zoo's .bin (BPU) and .onnx (float) artifacts, verified and cached.",
            "Quantization: hb_mapper configs, calibration data, experiments.",
            "Accuracy: float Top-1 (ONNX Runtime), quantized Top-1 (BPU), int8 simulation, honest deltas.",
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    success",
            "  1    the operation failed (network, I/O, toolchain or runtime error)",
            "  2    bad command line or invalid input",
            "  3    accuracy threshold exceeded (compare, or sim --max-drop not met)",
            "  4    integrity problem: checksum mismatch, missing or changed file (verify)",
            "  5    a needed tool or library is not available (libdnn, docker, hb_mapper, offline cache)",
            "  130  interrupted; completed work is kept",
        })
public final class RdkzooCommand implements Callable<Integer> {
    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            org.rdkzoo.cli.models.ModelsCommand.class,
            org.rdkzoo.cli.models.InfoCommand.class,
            org.rdkzoo.cli.models.PullCommand.class,
            org.rdkzoo.cli.models.VerifyCommand.class,
            org.rdkzoo.cli.mapper.MapperCommand.class,
            org.rdkzoo.cli.experiments.ExperimentsCommand.class,
            org.rdkzoo.cli.eval.EvalCommand.class,
            org.rdkzoo.cli.eval.InferCommand.class,
            org.rdkzoo.cli.board.BenchCommand.class,
            org.rdkzoo.cli.eval.SimCommand.class,
            org.rdkzoo.cli.compare.CompareCommand.class,
            org.rdkzoo.cli.compare.ResultsCommand.class,
            org.rdkzoo.cli.compare.ReportCommand.class,
            AutoComplete.GenerateCompletion.class);

    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    RdkzooCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces and debugging detail on errors.")
    void verbose(boolean verbose) {
        context.verbose(verbose);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
