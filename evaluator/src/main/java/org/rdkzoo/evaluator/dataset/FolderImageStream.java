package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** The chosen images of a folder, in the order given. */
final class FolderImageStream implements ImageStream {
    private final Path root;
    private final Iterator<ImageEntry> entries;

    FolderImageStream(Path root, List<ImageEntry> entries) {
        this.root = root;
        this.entries = List.copyOf(entries).iterator();
    }

    @Override
    public EncodedImage next() {
        if (!entries.hasNext()) {
            return null;
        }
        ImageEntry entry = entries.next();
        try {
            return EncodedImage.of(entry, Files.readAllBytes(root.resolve(entry.id())));
        } catch (IOException e) {
            return EncodedImage.failed(entry, "cannot read the file: " + e);
        }
    }

    @Override
    public void close() {
    }
}
