package org.rdkzoo.evaluator.backend;

import java.io.IOException;

/** A backend could not load or run a model; the message names the model and the stage. */
public class BackendException extends IOException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
