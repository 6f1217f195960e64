package org.rdkzoo.evaluator.image;

import java.io.IOException;

/** An image that cannot be decoded: the message names the image and the reason. */
public class UnreadableImageException extends IOException {
    private final String image;

    public UnreadableImageException(String image, String reason) {
        super(image + ": " + reason);
        this.image = image;
    }

    public UnreadableImageException(String image, String reason, Throwable cause) {
        super(image + ": " + reason, cause);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
