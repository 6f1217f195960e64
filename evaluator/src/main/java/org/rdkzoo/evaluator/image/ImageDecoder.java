package org.rdkzoo.evaluator.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes image files exactly as {@code cv2.imread(path)} (IMREAD_COLOR) does.
 *
 * <p>SCAFFOLD: the signatures are fixed; the implementation belongs to the preprocessing work.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Reads and decodes one file; {@link UnreadableImageException} names the file and why. */
    public static BgrImage read(Path file) throws IOException {
        throw new UnsupportedOperationException("scaffold: ImageDecoder.read is not implemented yet");
    }

    /** Decodes encoded bytes (a tar entry, say); {@code name} appears in error messages. */
    public static BgrImage decode(byte[] encoded, String name) throws IOException {
        throw new UnsupportedOperationException("scaffold: ImageDecoder.decode is not implemented yet");
    }
}
