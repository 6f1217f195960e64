package org.rdkzoo.cli.compare;

import java.util.List;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ExitCodes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code rdkzoo results}: operations on results files. */
@Command(
        name = "results",
        mixinStandardHelpOptions = true,
        header = "Operations on results files (merge the shards of a --shard I/N run).")
public final class ResultsCommand implements Callable<Integer> {
    /** Registered by {@code Main}, which builds only the ones a command line needs. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(ResultsMergeCommand.class);

    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    ResultsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
