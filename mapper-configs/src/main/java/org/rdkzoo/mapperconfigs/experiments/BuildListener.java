package org.rdkzoo.mapperconfigs.experiments;

/** Hears a build as it goes: for the terminal, a sweep's table, a test. */
public interface BuildListener {
    /** The experiment folder exists and the toolchain is about to start. */
    default void started(Experiment experiment) {
    }

    /** One line the toolchain printed. */
    default void line(String line) {
    }

    /** The record is final. */
    default void finished(Experiment experiment) {
    }

    BuildListener NONE = new BuildListener() {
    };
}
