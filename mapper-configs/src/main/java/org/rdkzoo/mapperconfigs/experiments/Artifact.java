package org.rdkzoo.mapperconfigs.experiments;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * A file makertbin produced in {@code working_dir}.
 *
 * @param kind   {@code original_float_model}, {@code optimized_float_model}, {@code calibrated_model},
 *               {@code quantized_model} or {@code bin}
 * @param file   path relative to the experiment folder
 * @param bytes  size
 * @param sha256 SHA-256
 */
public record Artifact(String kind, String file, long bytes, String sha256) {
    /** The documented suffixes, in the order makertbin writes them. */
    static final List<String> ONNX_KINDS = List.of("original_float_model", "optimized_float_model",
            "calibrated_model", "quantized_model");

    /** The documented outputs found in {@code workingDir} (the prefix's, else any that match the pattern). */
    static List<Artifact> collect(Path experimentDir, Path workingDir, String prefix) throws IOException {
        List<Artifact> found = new ArrayList<>();
        if (!Files.isDirectory(workingDir)) {
            return found;
        }
        for (String kind : ONNX_KINDS) {
            Path exact = prefix == null ? null : workingDir.resolve(prefix + "_" + kind + ".onnx");
            Path file = exact != null && Files.isRegularFile(exact) ? exact : glob(workingDir, "*_" + kind + ".onnx");
            if (file != null) {
                found.add(of(experimentDir, kind, file));
            }
        }
        Path bin = prefix == null ? null : workingDir.resolve(prefix + ".bin");
        Path file = bin != null && Files.isRegularFile(bin) ? bin : glob(workingDir, "*.bin");
        if (file != null) {
            found.add(of(experimentDir, "bin", file));
        }
        return found;
    }

    private static Path glob(Path dir, String pattern) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Artifact of(Path experimentDir, String kind, Path file) throws IOException {
        return new Artifact(kind, experimentDir.relativize(file).toString(), Files.size(file), Sha256.of(file));
    }
}
