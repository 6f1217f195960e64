package org.rdkzoo.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.rdkzoo.cli.compare.ResultsCommand;
import org.rdkzoo.cli.experiments.ExperimentsCommand;
import org.rdkzoo.cli.mapper.MapperCommand;
import org.rdkzoo.runtime.LibdnnUnavailableException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code rdkzoo.jar}: builds the command line, runs it, exits with its code. */
public final class Main {
    /** The command groups below the root, with their subcommands. */
    private static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
            MapperCommand.class, MapperCommand.SUBCOMMANDS,
            ExperimentsCommand.class, ExperimentsCommand.SUBCOMMANDS,
            ResultsCommand.class, ResultsCommand.SUBCOMMANDS);

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(CliContext.system(), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line against the given context and returns its exit code; never exits. */
    public static int run(CliContext context, String... args) {
        return commandLine(context, args).execute(args);
    }

    /** The configured picocli command line with every subcommand. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The configured picocli command line for {@code args}: commands are built with the context injected. Where
     * the next word names a subcommand of a group ({@code rdkzoo}, {@code mapper}, ...), only that one is built,
     * and for {@code --version} alone none (help, completion, suggestions for a mistyped name and a bare group
     * need them all).
     */
    public static CommandLine commandLine(CliContext context, String... args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(new RdkzooCommand(context), factory);
        // --version alone needs no subcommand: building all of them is most of its 0.5 s.
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (!versionOnly) {
            addSubcommands(cl, RdkzooCommand.SUBCOMMANDS, List.of(args), factory);
        }
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, unused) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("rdkzoo: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(context, ex));
        // picocli hides this subcommand by default; users should find it in --help.
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        shareVersion(cl);
        return cl;
    }

    /**
     * Adds a group's subcommands to it: the one {@code words} name next, when building it alone is enough,
     * else all of them. The groups' lists are not in their {@code @Command} annotations because picocli
     * builds every annotated subcommand, options and all, whatever the command line asks for.
     */
    private static void addSubcommands(CommandLine group, List<Class<?>> subcommands, List<String> words,
            ContextFactory factory) {
        int at = firstWord(words);
        Class<?> named = at < 0 ? null : named(subcommands, words.get(at));
        for (Class<?> sub : subcommands) {
            if (named == null || sub == named) {
                CommandLine child = new CommandLine(sub, factory);
                List<Class<?>> grandchildren = GROUPS.get(sub);
                if (grandchildren != null) {
                    addSubcommands(child, grandchildren, sub == named ? words.subList(at + 1, words.size())
                            : List.of(), factory);
                }
                group.addSubcommand(child);
            }
        }
    }

    /** The index of the first word that is not {@code --verbose}, or -1 when there is none or it is an option. */
    private static int firstWord(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals("--verbose")) {
                return words.get(i).startsWith("-") ? -1 : i;
            }
        }
        return -1;
    }

    /** The subcommand {@code word} names, when building it alone is enough; else {@code null}. */
    private static Class<?> named(List<Class<?>> subcommands, String word) {
        for (Class<?> sub : subcommands) {
            Command c = sub.getAnnotation(Command.class);
            if (c != null && c.name().equals(word)) {
                return c.name().equals("help") || c.name().equals("generate-completion") ? null : sub;
            }
        }
        return null;
    }

    /** Every subcommand's {@code --version} prints rdkzoo's version, not an empty line. */
    private static void shareVersion(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) {
                sub.getCommandSpec().versionProvider(new VersionProvider());
            }
            shareVersion(sub);
        }
    }

    static int handle(CliContext context, Exception ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof LibdnnUnavailableException) {
            // Its message says what was tried and how to point at the library: nothing to add.
            t = new CliException(ExitCodes.UNAVAILABLE, t.getMessage(), t);
        }
        int code;
        String message;
        if (t instanceof CliException cli) {
            code = cli.exitCode();
            message = cli.getMessage();
        } else if (t instanceof NoSuchFileException nsf) {
            code = ExitCodes.USAGE;
            message = "no such file: " + nsf.getFile();
        } else if (t instanceof AccessDeniedException ade) {
            code = ExitCodes.FAILURE;
            message = "permission denied: " + ade.getFile();
        } else if (t instanceof InterruptedException || t instanceof CancellationException) {
            code = ExitCodes.INTERRUPTED;
            message = "interrupted";
        } else {
            code = ExitCodes.FAILURE;
            message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        }
        PrintWriter err = context.err();
        err.println("rdkzoo: error: " + message);
        if (context.verbose()) {
            t.printStackTrace(err);
        } else if (!(t instanceof CliException)) {
            err.println("rdkzoo: (run with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }
}
