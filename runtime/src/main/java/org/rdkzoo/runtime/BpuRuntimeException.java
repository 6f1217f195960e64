package org.rdkzoo.runtime;

/** Something went wrong running a model on the BPU: the base of the runtime module's exceptions. */
public class BpuRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BpuRuntimeException(String message) {
        super(message);
    }

    public BpuRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
