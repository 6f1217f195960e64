package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;

/**
 * Per-tensor calibration statistics: one {@link Histogram} per activation the plan quantizes, collected by
 * running the float model over the calibration set with those tensors added as outputs. Streams: one
 * sample's activations at a time, histograms only.
 *
 * @param histograms by tensor name
 * @param samples    samples read
 * @param source     where they came from
 */
public record CalibrationStats(Map<String, Histogram> histograms, int samples, String source) {
    public CalibrationStats {
        histograms = Collections.unmodifiableMap(new LinkedHashMap<>(histograms));
    }

    /** A tensor's threshold by a method (see {@link Thresholds#of}), computed once per histogram. */
    public double threshold(String tensor, CalibrationMethod method, double maxPercentile) {
        Histogram h = histogram(tensor);
        String key = method.id() + (method == CalibrationMethod.PERCENTILE ? ":" + maxPercentile : "");
        return h.remembered(key, () -> Thresholds.of(method, h, maxPercentile));
    }

    /** The histogram of a tensor the calibration covered. */
    public Histogram histogram(String tensor) {
        Histogram h = histograms.get(tensor);
        if (h == null) {
            throw new IllegalArgumentException("no calibration statistics for tensor '" + tensor + "'");
        }
        return h;
    }

    /**
     * Collects statistics for {@code tensors} of the (prepared) float model; graph inputs among them are taken
     * from the samples themselves.
     */
    public static CalibrationStats collect(OnnxModel model, Set<String> tensors, CalibrationSet set,
            SimProgress progress) throws IOException {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        tensors.forEach(t -> histograms.put(t, new Histogram()));
        List<String> inputs = model.inputs().stream().map(v -> v.name()).filter(tensors::contains).toList();
        List<String> taps = tensors.stream().filter(t -> !inputs.contains(t)).toList();
        progress.begin("calibrating", set.size());
        try (ModelRunner runner = ModelRunner.open(model, taps)) {
            long[] shape = set.shape();
            for (int i = 0; i < set.size(); i++) {
                float[] sample = set.load(i);
                for (String in : inputs) {
                    histograms.get(in).add(FloatBuffer.wrap(sample));
                }
                runner.run(sample, shape, (name, values) -> {
                    Histogram h = histograms.get(name);
                    if (h != null && !inputs.contains(name)) {
                        h.add(values);
                    }
                });
                progress.step(set.name(i));
            }
        } finally {
            progress.end();
        }
        return new CalibrationStats(histograms, set.size(), set.source());
    }
}
