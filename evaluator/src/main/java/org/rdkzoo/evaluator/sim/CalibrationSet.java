package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.List;

/**
 * The calibration samples, as the float model takes them (normalised, in its layout), read one at a time so
 * that a pass over the set holds one sample in memory. Several passes read the set again (calibration, the
 * default search, the per-layer report, sensitivity).
 */
public interface CalibrationSet {
    int size();

    /** The sample's name (its file name), for messages. */
    String name(int index);

    /** The input shape of one sample: {@code [1, 3, H, W]} or {@code [1, H, W, 3]}. */
    long[] shape();

    /** Sample {@code index} as the model's float input. */
    float[] load(int index) throws IOException;

    /** Where the samples come from, for the report and the results file. */
    String source();

    /** The first {@code n} samples (all when {@code n} is larger). */
    default CalibrationSet first(int n) {
        CalibrationSet all = this;
        int size = Math.min(n, all.size());
        return new CalibrationSet() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public String name(int index) {
                return all.name(index);
            }

            @Override
            public long[] shape() {
                return all.shape();
            }

            @Override
            public float[] load(int index) throws IOException {
                return all.load(index);
            }

            @Override
            public String source() {
                return all.source();
            }
        };
    }

    /** Samples held in memory (tests, generated inputs). */
    static CalibrationSet of(String source, long[] shape, List<float[]> samples) {
        List<float[]> copy = List.copyOf(samples);
        long[] s = shape.clone();
        return new CalibrationSet() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public String name(int index) {
                return "sample " + index;
            }

            @Override
            public long[] shape() {
                return s.clone();
            }

            @Override
            public float[] load(int index) {
                return copy.get(index).clone();
            }

            @Override
            public String source() {
                return source;
            }
        };
    }
}
