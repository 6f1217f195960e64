package org.rdkzoo.cli.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;

/**
 * Resolves {@code --model}: a file path, or a catalog id whose cached {@code .onnx} is used. The catalog lives in
 * {@code downloader}; {@link #fromCatalog} is the one place to connect it.
 */
final class ModelLocator {
    /** A model file, and the catalog id it came from ({@code null} for a path). */
    record Located(Path file, String catalogId) {
    }

    private ModelLocator() {
    }

    static Located locate(CliContext context, String model) {
        Path path = Path.of(model);
        if (Files.isRegularFile(path)) {
            return new Located(path, null);
        }
        if (looksLikeCatalogId(model)) {
            Path cached = fromCatalog(context, model);
            if (cached != null) {
                return new Located(cached, model);
            }
        }
        throw new CliException(ExitCodes.USAGE, "no such model file: " + model + (looksLikeCatalogId(model)
                ? " (and no cached catalog model of that id; fetch it with 'rdkzoo pull " + model + "')" : ""));
    }

    static boolean looksLikeCatalogId(String model) {
        return model.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") && !model.toLowerCase(Locale.ROOT).endsWith(".onnx")
                && !model.toLowerCase(Locale.ROOT).endsWith(".bin");
    }

    /**
     * The cached {@code .onnx} of a catalog id, or {@code null}. The downloader's cache answers this once the
     * catalog is merged; until then no id resolves.
     */
    static Path fromCatalog(CliContext context, String id) {
        return null;
    }
}
