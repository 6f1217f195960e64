package org.rdkzoo.evaluator.dataset;

import java.util.Objects;

/**
 * The undecoded bytes of one image as read from the dataset, or why they could not be read.
 *
 * @param entry the manifest entry
 * @param bytes the file's bytes, {@code null} when {@code error} is set
 * @param error why the bytes could not be read (the file vanished, the archive lacks it), else {@code null}
 */
public record EncodedImage(ImageEntry entry, byte[] bytes, String error) {
    public EncodedImage {
        Objects.requireNonNull(entry, "entry");
        if ((bytes == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of bytes and error must be set for " + entry.id());
        }
    }

    public static EncodedImage of(ImageEntry entry, byte[] bytes) {
        return new EncodedImage(entry, bytes, null);
    }

    public static EncodedImage failed(ImageEntry entry, String error) {
        return new EncodedImage(entry, null, error);
    }
}
