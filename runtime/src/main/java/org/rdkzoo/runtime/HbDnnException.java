package org.rdkzoo.runtime;

import java.util.Optional;

/**
 * A libdnn call returned a non-zero status. Carries the function, the code, its documented name
 * ({@link HbDnnStatus}, {@code UNKNOWN} for undocumented codes) and the library's own description
 * ({@code hbDNNGetErrorDesc} when the library has it, rdkzoo's table otherwise).
 */
public class HbDnnException extends BpuRuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int code;
    private final String description;

    public HbDnnException(String function, int code, String description) {
        this(function, code, description, function + " failed: " + HbDnnStatus.nameOf(code) + " (" + code + "): "
                + description);
    }

    protected HbDnnException(String function, int code, String description, String message) {
        super(message);
        this.function = function;
        this.code = code;
        this.description = description;
    }

    /** The C function that failed, e.g. {@code hbDNNInfer}. */
    public String function() {
        return function;
    }

    /** The status code it returned. */
    public int code() {
        return code;
    }

    /** The code's header name, e.g. {@code HB_DNN_RUN_TASK_FAILED}, or {@code UNKNOWN}. */
    public String codeName() {
        return HbDnnStatus.nameOf(code);
    }

    /** The documented status, if the code is documented. */
    public Optional<HbDnnStatus> status() {
        return HbDnnStatus.of(code);
    }

    /** What the library (or, without {@code hbDNNGetErrorDesc}, rdkzoo's table) says the code means. */
    public String description() {
        return description;
    }
}
