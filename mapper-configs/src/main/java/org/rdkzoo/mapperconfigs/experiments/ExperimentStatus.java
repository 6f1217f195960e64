package org.rdkzoo.mapperconfigs.experiments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an experiment stands. */
public enum ExperimentStatus {
    /** The toolchain is running (as far as the record says: see {@link #ABANDONED}). */
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    /** Stopped by the user (Ctrl-C) or a stopped sweep. */
    INTERRUPTED("interrupted"),
    TIMED_OUT("timed-out"),
    /**
     * The record says running but the process that ran it is gone from this machine (killed with -9,
     * crashed). Readers show a running record so without changing its file; a build or sweep that runs
     * the same configuration again writes it.
     */
    ABANDONED("abandoned");

    private final String label;

    ExperimentStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ExperimentStatus of(String label) {
        for (ExperimentStatus s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown experiment status '" + label + "'");
    }
}
