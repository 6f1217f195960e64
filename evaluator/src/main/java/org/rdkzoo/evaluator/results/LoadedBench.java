package org.rdkzoo.evaluator.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * A bench document with the file it was read from and that file's hash.
 *
 * @param file   the path as the user gave it
 * @param sha256 the file's SHA-256 when read, {@code null} for bench results built in memory
 * @param bench  the document
 */
public record LoadedBench(String file, String sha256, BenchResults bench) {
    public LoadedBench {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bench, "bench");
    }

    public static LoadedBench read(Path file) throws IOException {
        return new LoadedBench(file.toString(), Sha256.of(file), BenchFiles.read(file));
    }

    public Provenance.InputFile input() {
        return new Provenance.InputFile(file, sha256);
    }
}
