package org.rdkzoo.cli.compare;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.InvalidJsonFileException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.LoadedResults;

import picocli.CommandLine;

/** Reading the documents these commands take and writing what they make, with the CLI's error conventions. */
final class CommandFiles {
    private CommandFiles() {
    }

    /** Reads a results file; a missing or malformed file is a usage error naming it. */
    static LoadedResults results(Path file) {
        try {
            return LoadedResults.read(file);
        } catch (IOException e) {
            throw inputError(file, e);
        }
    }

    static LoadedBench bench(Path file) {
        try {
            return LoadedBench.read(file);
        } catch (IOException e) {
            throw inputError(file, e);
        }
    }

    private static CliException inputError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CliException(ExitCodes.USAGE, "no such file: " + file, e);
        }
        // Malformed JSON or a document of another kind: bad input. Anything else is an I/O failure.
        boolean bad = e instanceof InvalidJsonFileException || e.getMessage() != null
                && e.getMessage().startsWith(file.toString() + ":");
        return new CliException(bad ? ExitCodes.USAGE : ExitCodes.FAILURE, bad ? e.getMessage()
                : "cannot read " + file + ": " + e.getMessage(), e);
    }

    /** Writes {@code text} to {@code out} (atomically, UTF-8), or to stdout when {@code out} is null. */
    static void write(CliContext context, Path out, String text) {
        if (out == null) {
            context.out().print(text);
            context.out().flush();
            return;
        }
        try {
            Json.writeStringAtomically(out, text);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + out + ": " + e.getMessage(), e);
        }
        context.info("wrote " + out);
    }

    /** Refuses an output path that is one of the inputs: a merge must never overwrite a shard. */
    static void notAnInput(Path out, List<Path> inputs) {
        Path target = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in.toAbsolutePath().normalize().equals(target)) {
                throw new CliException(ExitCodes.USAGE, "--out " + out + " is one of the input files; write the"
                        + " result elsewhere");
            }
        }
    }

    /** The command line as typed, for provenance. */
    static List<String> commandLine(CommandLine.Model.CommandSpec spec) {
        List<String> args = new ArrayList<>();
        args.add("rdkzoo");
        CommandLine.ParseResult root = spec.root().commandLine().getParseResult();
        if (root != null) {
            args.addAll(root.originalArgs());
        }
        return args;
    }
}
