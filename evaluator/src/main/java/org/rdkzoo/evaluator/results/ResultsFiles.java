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
        if (r.format() == null || !r.format().startsWith("rdkzoo.results/")) {
            throw new IOException(file + ": not an rdkzoo results file (field 'format' is " + (r.format() == null
                    ? "missing" : "'" + r.format() + "'") + ", expected '" + EvaluationResults.FORMAT + "')");
        }
        if (!r.format().equals(EvaluationResults.FORMAT)) {
            throw new IOException(file + ": results format '" + r.format() + "' is not supported by rdkzoo "
                    + org.rdkzoo.evaluator.provenance.RdkzooVersion.get() + " (expected '" + EvaluationResults.FORMAT + "')");
        }
        return r;
    }
}
