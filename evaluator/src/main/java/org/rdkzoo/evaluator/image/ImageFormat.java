package org.rdkzoo.evaluator.image;

import java.util.HexFormat;

/**
 * The container formats rdkzoo decodes, recognised by their first bytes as {@code cv2.imread} does
 * (OpenCV picks the decoder from the signature, never from the file name: a PNG named {@code .JPEG}
 * is decoded as a PNG).
 */
enum ImageFormat {
    JPEG, PNG, BMP;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The format whose signature starts {@code bytes}, or {@code null}. */
    static ImageFormat sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8
                && (bytes[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return PNG;
        }
        if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
            return BMP;
        }
        return null;
    }

    /** A short description of bytes that are not an image we read, for error messages. */
    static String describeUnknown(byte[] bytes) {
        int n = Math.min(8, bytes.length);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n);
        String guess = guess(bytes);
        return "not a JPEG, PNG or BMP image (first bytes " + hex + (guess == null ? "" : ": looks like " + guess)
                + ")";
    }

    private static String guess(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return "an HTML page";
        }
        if (head.startsWith("gif8")) {
            return "a GIF, which cv2.imread does not read either";
        }
        if (head.startsWith("riff") && b.length >= 12 && new String(b, 8, 4,
                java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "a WebP image";
        }
        if (head.startsWith("ii*") || head.startsWith("mm\0*")) {
            return "a TIFF image";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
