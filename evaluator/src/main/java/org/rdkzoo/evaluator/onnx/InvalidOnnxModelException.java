package org.rdkzoo.evaluator.onnx;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not an ONNX model rdkzoo can use, with the file and the reason. */
public final class InvalidOnnxModelException extends IOException {
    private final transient Path file;

    public InvalidOnnxModelException(Path file, String reason) {
        this(file, reason, null);
    }

    public InvalidOnnxModelException(Path file, String reason, Throwable cause) {
        super((file == null ? "ONNX model" : file.toString()) + ": " + reason, cause);
        this.file = file;
    }

    /** The model file, or {@code null} for a model parsed from bytes. */
    public Path file() {
        return file;
    }
}
