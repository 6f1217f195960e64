package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chosen images of a tar, in archive order; images the archive turns out not to hold come last, as failures. */
final class TarImageStream implements ImageStream {
    private final TarWalker walker;
    private final Map<String, ImageEntry> wanted = new LinkedHashMap<>();
    private Deque<ImageEntry> missing;

    TarImageStream(Path archive, List<ImageEntry> entries) throws IOException {
        for (ImageEntry e : entries) {
            wanted.put(e.id(), e);
        }
        this.walker = new TarWalker(archive);
    }

    @Override
    public EncodedImage next() throws IOException {
        if (missing == null) {
            while (!wanted.isEmpty() && walker.next()) {
                ImageEntry entry = wanted.remove(walker.id());
                if (entry == null) {
                    continue;
                }
                if (walker.size() > TarWalker.MAX_IMAGE_BYTES) {
                    return EncodedImage.failed(entry, "the entry is " + walker.size()
                            + " bytes, more than an image can be (" + TarWalker.MAX_IMAGE_BYTES + ")");
                }
                return EncodedImage.of(entry, walker.read());
            }
            missing = new ArrayDeque<>(wanted.values());
        }
        ImageEntry entry = missing.poll();
        return entry == null ? null : EncodedImage.failed(entry, "not found in the archive");
    }

    @Override
    public void close() throws IOException {
        walker.close();
    }
}
