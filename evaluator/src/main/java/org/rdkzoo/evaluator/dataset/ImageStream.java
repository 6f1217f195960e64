package org.rdkzoo.evaluator.dataset;

import java.io.IOException;

/**
 * The bytes of a chosen list of images, one at a time, in the order the storage gives them cheaply: the
 * list's order for folders, the archive's order for tars. A problem with one image comes back as a failed
 * {@link EncodedImage}; an {@link IOException} means the storage itself broke (a truncated archive).
 */
public interface ImageStream extends AutoCloseable {
    /** The next image, or {@code null} when every chosen image has been returned. */
    EncodedImage next() throws IOException;

    @Override
    void close() throws IOException;
}
