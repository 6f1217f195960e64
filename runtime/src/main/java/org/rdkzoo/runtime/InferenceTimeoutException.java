package org.rdkzoo.runtime;

import java.time.Duration;

/** An inference did not finish within its timeout; the task was released and the session can run again. */
public final class InferenceTimeoutException extends HbDnnException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public InferenceTimeoutException(Duration timeout, int code, String description) {
        super("hbDNNWaitTaskDone", code, description, "inference did not finish within " + timeout.toMillis()
                + " ms (hbDNNWaitTaskDone returned " + HbDnnStatus.nameOf(code) + " (" + code + "): " + description
                + "); the task was released");
        this.timeout = timeout;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }
}
