package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.rdkzoo.evaluator.image.UnreadableImageException;

/**
 * One image as the dataset gives it, not yet decoded: its bytes, or the file that holds them (read by
 * {@link #read()} on the thread that decodes, so images waiting in a queue hold no bytes), or why it cannot be
 * had (an archive that lacks it).
 *
 * @param entry the manifest entry
 * @param bytes the encoded bytes when the storage had to read them (a tar stream), else {@code null}
 * @param file  the file to read them from (a folder), else {@code null}
 * @param error why the image cannot be read at all, else {@code null}
 */
public record EncodedImage(ImageEntry entry, byte[] bytes, Path file, String error) {
    public EncodedImage {
        Objects.requireNonNull(entry, "entry");
        int set = (bytes != null ? 1 : 0) + (file != null ? 1 : 0) + (error != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of bytes, file and error must be set for " + entry.id());
        }
    }

    public static EncodedImage of(ImageEntry entry, byte[] bytes) {
        return new EncodedImage(entry, bytes, null, null);
    }

    public static EncodedImage inFile(ImageEntry entry, Path file) {
        return new EncodedImage(entry, null, file, null);
    }

    public static EncodedImage failed(ImageEntry entry, String error) {
        return new EncodedImage(entry, null, null, error);
    }

    /** The encoded bytes, read from the file now when they are in one. */
    public byte[] read() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        if (error != null) {
            throw new UnreadableImageException(entry.id(), error);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableImageException(entry.id(), "cannot read the file: " + e, e);
        }
    }
}
