package org.rdkzoo.cli.eval;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.models.ZooModels;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.UnknownModelException;

/**
 * Resolves {@code --model} of {@code eval}, {@code infer} and {@code bench}. The rule:
 * <ol>
 * <li>an existing file is used as it is: a {@code .bin} runs on the BPU, anything else on ONNX Runtime;</li>
 * <li>otherwise a name without a directory is looked up in the catalog (id, display name, file stem or file
 * name, any case) and its cached artifact is used: the {@code .bin} when the name is the {@code .bin}'s file
 * name or stem ({@code EfficientNet_B2_224x224_nv12}) or the caller wants the BPU ({@code --bpu}, {@code bench}),
 * the {@code .onnx} for any other name ({@code efficientnet_b2}).</li>
 * </ol>
 * A catalog artifact that is not in the cache is exit 5 naming the {@code rdkzoo pull} that fetches it.
 */
public final class ModelLocator {
    /**
     * A model file, and the catalog id it came from ({@code null} for a path).
     *
     * @param bin whether it is a {@code .bin} for the BPU (else an ONNX model)
     */
    public record Located(Path file, String catalogId, boolean bin) {
    }

    private ModelLocator() {
    }

    /**
     * The model {@code model} names.
     *
     * @param bpu the caller runs the BPU only: a catalog name means its {@code .bin}, a file must be a {@code .bin}
     */
    public static Located locate(CliContext context, ZooOptions zoo, String model, boolean bpu) {
        Path path = path(model);
        boolean file = path != null && Files.isRegularFile(path);
        boolean onnx = model.toLowerCase(Locale.ROOT).endsWith(ArtifactFormat.ONNX.extension());
        if (bpu && (file && !isBin(model) || onnx)) {
            throw new CliException(ExitCodes.USAGE, model + " is not a .bin: the BPU runs .bin models (an ONNX "
                    + "model runs on the PC with 'rdkzoo eval')");
        }
        if (file) {
            return new Located(path, null, isBin(model));
        }
        if (!isName(model)) {
            throw new CliException(ExitCodes.USAGE, "no such model file: " + model);
        }
        ZooModels zooModels = zoo.open(context);
        Optional<CatalogEntry> found = zooModels.catalog().find(model);
        if (found.isEmpty()) {
            String hint = "";
            try {
                zooModels.catalog().resolve(model);
            } catch (UnknownModelException e) {
                hint = e.suggestions().isEmpty() ? "" : "; did you mean " + String.join(", ", e.suggestions()) + "?";
            }
            throw new CliException(ExitCodes.USAGE, "no such model file or catalog model: " + model + hint
                    + " (`rdkzoo models` lists the catalog)");
        }
        CatalogEntry entry = found.get();
        boolean bin = bpu || namesTheBin(entry, model);
        if (!bin && entry.onnx() == null) {
            throw new CliException(ExitCodes.USAGE, entry.id() + " has no .onnx in the catalog (the zoo publishes "
                    + "none for it): add --bpu to evaluate its .bin on the board");
        }
        if (bin && entry.bin() == null) {
            throw new CliException(ExitCodes.USAGE, entry.id() + " has no .bin in the catalog, only "
                    + entry.onnx().file());
        }
        Path cached = zooModels.cachedPath(entry.id(), bin ? ArtifactFormat.BIN : ArtifactFormat.ONNX);
        return new Located(cached, entry.id(), bin);
    }

    private static Path path(String model) {
        try {
            return Path.of(model);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static boolean isBin(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(ArtifactFormat.BIN.extension());
    }

    /** A name the catalog may know: no directory in it. */
    static boolean isName(String model) {
        return !model.isBlank() && model.indexOf('/') < 0 && model.indexOf(File.separatorChar) < 0;
    }

    /** Whether {@code name} is the {@code .bin}'s file name or stem rather than the model's id or its ONNX. */
    private static boolean namesTheBin(CatalogEntry entry, String name) {
        if (entry.bin() == null) {
            return false;
        }
        String n = name.trim();
        return n.equalsIgnoreCase(entry.bin().file()) || n.equalsIgnoreCase(entry.bin().stem());
    }
}
