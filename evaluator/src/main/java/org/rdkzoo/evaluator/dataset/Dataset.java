package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A labelled image collection: where it is, how it is laid out, its {@link Manifest}, and a way to read the
 * bytes of any chosen images. Open one with {@link Datasets#open}.
 *
 * @param id          a stable short name (the folder's or archive's name)
 * @param root        the folder or archive
 * @param layout      how images and labels are laid out
 * @param manifest    every image with its size and label
 * @param groundTruth the ground-truth file the labels came from, or {@code null} (folders, file names)
 */
public record Dataset(String id, Path root, DatasetLayout layout, Manifest manifest, GroundTruth groundTruth) {
    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** Reads the chosen images (entries of this manifest); see {@link ImageStream} for the order. */
    public ImageStream open(List<ImageEntry> entries) throws IOException {
        if (Files.isDirectory(root)) {
            return new FolderImageStream(root, entries);
        }
        return new TarImageStream(root, entries);
    }
}
