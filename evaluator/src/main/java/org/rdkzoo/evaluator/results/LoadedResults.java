package org.rdkzoo.evaluator.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * A results document with the file it was read from and that file's hash, so that derived documents
 * (merged shards, comparisons, reports) can name their inputs in messages and provenance.
 *
 * @param file    the path as the user gave it
 * @param sha256  the file's SHA-256 when read, {@code null} for results built in memory
 * @param results the document
 */
public record LoadedResults(String file, String sha256, EvaluationResults results) {
    public LoadedResults {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(results, "results");
    }

    public static LoadedResults read(Path file) throws IOException {
        return new LoadedResults(file.toString(), Sha256.of(file), ResultsFiles.read(file));
    }

    public Provenance.InputFile input() {
        return new Provenance.InputFile(file, sha256);
    }
}
