package org.rdkzoo.evaluator.dataset;

import java.util.Objects;

/**
 * One image of a dataset, as the manifest records it.
 *
 * @param id    its id within the dataset: the path relative to the dataset folder with '/' separators, or
 *              the entry name inside the archive ({@code outer.tar/inner.JPEG} for a tar inside a tar)
 * @param size  its size in bytes (from the file system or the tar header; the image is not read)
 * @param label its class as the dataset states it: a WordNet id ({@code n01440764}) or a class index
 *              ({@code 65}); a {@link org.rdkzoo.evaluator.labels.LabelMap} turns it into a class
 */
public record ImageEntry(String id, long size, String label) {
    public ImageEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (size < 0) {
            throw new IllegalArgumentException(id + ": negative size " + size);
        }
    }
}
