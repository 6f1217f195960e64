package org.rdkzoo.evaluator.report;

import java.util.Optional;

/** Small images of dataset entries for HTML reports, as {@code data:} URIs (the page stays one file). */
@FunctionalInterface
public interface Thumbnails {
    /** No thumbnails: every image gets a placeholder with its id. */
    Thumbnails NONE = id -> Optional.empty();

    /** A {@code data:image/...;base64,...} URI for the image with this id, or empty when it cannot be read. */
    Optional<String> dataUri(String imageId);
}
