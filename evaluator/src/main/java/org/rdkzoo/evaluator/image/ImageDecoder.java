package org.rdkzoo.evaluator.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes image files exactly as {@code cv2.imread(path)} (IMREAD_COLOR, OpenCV 4.6 with libjpeg-turbo
 * and libpng) does: the format is taken from the file's first bytes, never its name; the EXIF
 * orientation is applied; embedded colour profiles and gamma are ignored; greyscale is replicated to
 * three channels; CMYK and YCCK JPEGs are converted with OpenCV's formula; alpha is dropped; 16-bit PNG
 * keeps the high byte. JPEG, PNG and BMP are read; anything else is an {@link UnreadableImageException}.
 *
 * <p>Thread-safe: each thread keeps its own ImageIO readers.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Reads and decodes one file; {@link UnreadableImageException} names the file and why. */
    public static BgrImage read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableImageException(file.toString(), "no such file", e);
        } catch (AccessDeniedException e) {
            throw new UnreadableImageException(file.toString(), "permission denied", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new UnreadableImageException(file.toString(), "is a directory", e);
            }
            throw new UnreadableImageException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes encoded bytes (a tar entry, say); {@code name} appears in error messages. */
    public static BgrImage decode(byte[] encoded, String name) throws IOException {
        if (encoded.length == 0) {
            throw new UnreadableImageException(name, "empty file (0 bytes)");
        }
        ImageFormat format = ImageFormat.sniff(encoded);
        if (format == null) {
            throw new UnreadableImageException(name, ImageFormat.describeUnknown(encoded));
        }
        return switch (format) {
            case JPEG -> JpegDecoder.decode(encoded, name);
            case PNG, BMP -> LosslessDecoder.decode(encoded, format, name);
        };
    }
}
