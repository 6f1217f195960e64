package org.rdkzoo.evaluator.sim;

/** Progress of the simulation's long steps (calibration, searches, the per-layer report), for a progress bar. */
public interface SimProgress {
    SimProgress NONE = new SimProgress() {
        @Override
        public void begin(String stage, int total) {
        }

        @Override
        public void step(String detail) {
        }

        @Override
        public void end() {
        }
    };

    /** A stage starts that takes {@code total} steps. */
    void begin(String stage, int total);

    /** One step done; {@code detail} says what (may be empty). */
    void step(String detail);

    void end();
}
