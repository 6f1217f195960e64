package org.rdkzoo.evaluator.results;

import java.io.IOException;
import java.nio.file.Path;

import org.rdkzoo.evaluator.json.Json;

/** Reads and writes {@link BenchResults} documents. */
public final class BenchFiles {
    private BenchFiles() {
    }

    public static void write(Path file, BenchResults results) throws IOException {
        Json.writeAtomically(file, results);
    }

    /** Reads a bench results file; refuses a file that is not an rdkzoo bench document. */
    public static BenchResults read(Path file) throws IOException {
        BenchResults r = Json.read(file, BenchResults.class);
        DocumentFormat.check(file, "bench", r.format(), BenchResults.FORMAT);
        if (r.model() == null || r.model().sha256() == null) {
            throw new IOException(file + ": field 'model" + (r.model() == null ? "" : ".sha256")
                    + "' is missing: a bench file names the model it timed");
        }
        if (r.latency() == null) {
            throw new IOException(file + ": field 'latency' is missing: a bench file holds the single-thread latency");
        }
        return r;
    }
}
