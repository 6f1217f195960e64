package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.ValueInfo;

/**
 * The float model's outputs on a few calibration samples, kept with the samples, so that many simulated
 * variants (the default search's candidates, one per node for sensitivity) are each scored by running them
 * once over the same inputs: the figure is the output cosine similarity, as hb_mapper's search uses.
 */
public final class ReferenceOutputs {
    private final List<float[]> inputs;
    private final List<Map<String, float[]>> outputs;
    private final long[] shape;
    private final List<String> names;

    private ReferenceOutputs(List<float[]> inputs, List<Map<String, float[]>> outputs, long[] shape,
            List<String> names) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.shape = shape;
        this.names = names;
    }

    /** Runs the float model on the set's samples (all of them: take {@link CalibrationSet#first} for fewer). */
    public static ReferenceOutputs of(OnnxModel floatModel, CalibrationSet set) throws IOException {
        List<String> names = floatModel.outputs().stream().map(ValueInfo::name).toList();
        Set<String> wanted = new LinkedHashSet<>(names);
        List<float[]> inputs = new ArrayList<>();
        List<Map<String, float[]>> outputs = new ArrayList<>();
        try (ModelRunner runner = ModelRunner.open(floatModel, List.of())) {
            for (int i = 0; i < set.size(); i++) {
                float[] sample = set.load(i);
                inputs.add(sample);
                outputs.add(runner.run(sample, set.shape(), wanted));
            }
        }
        return new ReferenceOutputs(inputs, outputs, set.shape(), names);
    }

    public int samples() {
        return inputs.size();
    }

    /** The distances of each model output of {@code sim} from the float ones, over the samples. */
    public Map<String, Distances> compare(OnnxModel sim) throws IOException {
        Map<String, Distances> d = new LinkedHashMap<>();
        names.forEach(n -> d.put(n, new Distances()));
        try (ModelRunner runner = ModelRunner.open(sim, List.of())) {
            for (int i = 0; i < inputs.size(); i++) {
                Map<String, float[]> reference = outputs.get(i);
                runner.run(inputs.get(i), shape, (name, values) -> {
                    Distances x = d.get(name);
                    if (x != null) {
                        x.add(reference.get(name), values);
                    }
                });
            }
        }
        return d;
    }

    /** The lowest output cosine of {@code sim} (the one output of a classifier). */
    public double cosine(OnnxModel sim) throws IOException {
        return compare(sim).values().stream().mapToDouble(Distances::cosine).min().orElse(Double.NaN);
    }
}
