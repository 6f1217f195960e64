package org.rdkzoo.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;

import org.rdkzoo.runtime.LibdnnUnavailableException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code rdkzoo.jar}: builds the command line, runs it, exits with its code. */
public final class Main {
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
     * The configured picocli command line for {@code args}: commands are built with the context injected. When
     * the first word names a subcommand, only that one is built, and for {@code --version} alone none (help,
     * completion, suggestions for a mistyped name and the bare root need them all).
     */
    public static CommandLine commandLine(CliContext context, String... args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(new RdkzooCommand(context), factory);
        Class<?> named = named(args);
        // --version alone needs no subcommand: building all of them is most of its 0.5 s.
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> sub : RdkzooCommand.SUBCOMMANDS) {
            if (!versionOnly && (named == null || sub == named)) {
                cl.addSubcommand(new CommandLine(sub, factory));
            }
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

    /** The subcommand the first word names, when building it alone is enough; else {@code null}. */
    private static Class<?> named(String[] args) {
        String first = null;
        for (String a : args) {
            if (!a.equals("--verbose")) {
                first = a;
                break;
            }
        }
        if (first == null || first.startsWith("-")) {
            return null;
        }
        for (Class<?> sub : RdkzooCommand.SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (c != null && c.name().equals(first)) {
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
