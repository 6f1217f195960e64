package org.rdkzoo.evaluator.results;

import java.io.IOException;
import java.nio.file.Path;

import org.rdkzoo.evaluator.json.Json;

/** Reads and writes {@link EvaluationResults} documents. */
public final class ResultsFiles {
    private ResultsFiles() {
    }

    public static void write(Path file, EvaluationResults results) throws IOException {
        Json.writeAtomically(file, results);
    }

    /** Reads a results file; refuses a file that is not an rdkzoo results document. */
    public static EvaluationResults read(Path file) throws IOException {
        EvaluationResults r = Json.read(file, EvaluationResults.class);
        DocumentFormat.check(file, "results", r.format(), EvaluationResults.FORMAT);
        return r;
    }
}
