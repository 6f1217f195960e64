package org.rdkzoo.evaluator.image;

import java.util.Objects;

/**
 * A decoded 8-bit colour image as {@code cv2.imread(path)} returns it: height x width x 3, interleaved
 * B, G, R, rows packed without padding.
 */
public record BgrImage(int width, int height, byte[] data) {
    public BgrImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes for " + width + "x"
                    + height + " BGR, found " + data.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BgrImage b && width == b.width && height == b.height
                && java.util.Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BgrImage[" + width + "x" + height + "]";
    }
}
