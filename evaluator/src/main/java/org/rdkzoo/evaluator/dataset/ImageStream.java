package org.rdkzoo.evaluator.dataset;

import java.io.IOException;

/**
 * A chosen list of images, one at a time, in the order the storage gives them cheaply: the list's order for
 * folders (whose files are read later, by {@link EncodedImage#read()}), the archive's order for tars (whose
 * bytes are read here, since a stream cannot go back). A problem with one image comes back as a failed
 * {@link EncodedImage}; an {@link IOException} means the storage itself broke (a truncated archive).
 */
public interface ImageStream extends AutoCloseable {
    /** The next image, or {@code null} when every chosen image has been returned. */
    EncodedImage next() throws IOException;

    @Override
    void close() throws IOException;
}
