package org.rdkzoo.mapperconfigs.experiments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an experiment stands. */
public enum ExperimentStatus {
    /** The toolchain is running (or the process that ran it died without a word). */
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    /** Stopped by the user (Ctrl-C) or a stopped sweep. */
    INTERRUPTED("interrupted"),
    TIMED_OUT("timed-out");

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
