package org.rdkzoo.runtime;

import java.util.List;

/**
 * No usable libdnn here: the command needs an RDK X5 board (or its {@code libdnn.so}). The message says
 * what was tried and how to point at the library; the CLI maps this to exit code 5 (unavailable).
 */
public final class LibdnnUnavailableException extends BpuRuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> attempts;

    public LibdnnUnavailableException(List<String> attempts) {
        super("libdnn not found: this command runs models on the BPU and needs an RDK X5 board (or its libdnn.so). "
                + "Tried: " + String.join("; ", attempts) + ". Run it on the board, or point at the library with "
                + "--libdnn PATH or " + LibdnnLocator.ENV_VAR + "=PATH.");
        this.attempts = List.copyOf(attempts);
    }

    /** One line per place that was tried, with why it failed. */
    public List<String> attempts() {
        return attempts;
    }
}
