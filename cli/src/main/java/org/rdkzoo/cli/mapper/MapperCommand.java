package org.rdkzoo.cli.mapper;

import java.util.List;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ExitCodes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code rdkzoo mapper}: hb_mapper configs, calibration data and toolchain runs. */
@Command(
        name = "mapper",
        mixinStandardHelpOptions = true,
        header = "hb_mapper configs, calibration data and toolchain runs.")
public final class MapperCommand implements Callable<Integer> {
    /** In help order; registered by {@code Main}, which builds only the ones a command line needs. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            ValidateCommand.class,
            CalibCommand.class,
            MapperCheckCommand.class,
            MapperBuildCommand.class,
            MapperSweepCommand.class);

    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    MapperCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
