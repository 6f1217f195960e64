package org.rdkzoo.evaluator.dataset;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** The chosen images of a folder, in the order given; their bytes are read when decoded ({@link EncodedImage#read()}). */
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
        return EncodedImage.inFile(entry, root.resolve(entry.id()));
    }

    @Override
    public void close() {
    }
}
