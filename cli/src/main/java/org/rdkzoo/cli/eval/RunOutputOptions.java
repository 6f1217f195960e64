package org.rdkzoo.cli.eval;

import java.nio.file.Path;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.evaluator.eval.Evaluator;

import picocli.CommandLine.Option;

/** The options {@code eval} and {@code sim} share about running ONNX Runtime and where the results go. */
public final class RunOutputOptions {
    @Option(names = "--ort-threads", paramLabel = "T",
            description = "ONNX Runtime threads per operator (default: ONNX Runtime's choice, one per core).")
    int ortThreads;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The results file; its checkpoint is FILE.partial (default: a file under "
                    + "$RDKZOO_HOME/results named by model, dataset and settings).")
    Path out;

    /** {@code --out}, else the file under {@code $RDKZOO_HOME/results} the evaluation names. */
    Path resultsFile(CliContext context, Evaluator evaluator) {
        return out != null ? out : context.home().resolve("results").resolve(evaluator.defaultResultsName());
    }
}
