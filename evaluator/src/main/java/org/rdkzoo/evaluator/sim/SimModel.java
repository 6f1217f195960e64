package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;

/**
 * A fake-quantized model: the prepared float graph with its Q/DQ pairs, and what was chosen for each tensor.
 *
 * @param model       the rewritten graph
 * @param settings    the settings it was built with
 * @param plan        where it is quantized
 * @param activations each activation's quantization, in plan order
 * @param weights     each weight's quantization
 */
public record SimModel(OnnxModel model, QuantSettings settings, QuantPlan plan, List<ActivationQuant> activations,
        List<WeightQuant> weights) {

    /**
     * One activation's Q/DQ pair.
     *
     * @param tensor      the float tensor
     * @param bits        8 or 16
     * @param method      how the threshold was chosen ({@code max}, {@code kl}, ..., {@code max (input)},
     *                    {@code max (int16)}; for mix, {@code mix:kl} or {@code mix:max})
     * @param threshold   the clipping threshold T (symmetric) or the larger end of the range (asymmetric)
     * @param scale       the quantization step
     * @param zeroPoint   the zero point (0 when symmetric)
     * @param dequantized the name of the dequantized tensor the consumers read
     * @param consumers   those consumers
     */
    public record ActivationQuant(String tensor, int bits, String method, double threshold, float scale,
            long zeroPoint, String dequantized, Set<String> consumers) {
        public ActivationQuant {
            consumers = Set.copyOf(consumers);
        }
    }

    /**
     * One weight's quantization: symmetric int8, {@code channels} scales (1 when per tensor).
     *
     * @param maxAbs the largest magnitude in the weight
     */
    public record WeightQuant(String node, String initializer, int channels, double maxAbs) {
    }

    public SimModel {
        activations = List.copyOf(activations);
        weights = List.copyOf(weights);
    }

    /** The model as ONNX bytes, for a session. */
    public byte[] toByteArray() {
        return model.toByteArray();
    }

    /** The quantization of a node's first quantized input (its report row's threshold). */
    public Optional<ActivationQuant> inputOf(String node) {
        for (ActivationQuant a : activations) {
            if (a.consumers().contains(node)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** What the results file records in the backend's settings. */
    public Map<String, Object> record() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("calibrationType", settings.method().id());
        if (settings.method() == CalibrationMethod.PERCENTILE) {
            r.put("maxPercentile", settings.maxPercentile());
        }
        r.put("perChannel", settings.perChannel());
        r.put("asymmetric", settings.asymmetric());
        r.put("weights", "int8 symmetric " + (settings.perChannel() ? "per output channel" : "per tensor"));
        r.put("activations", (settings.asymmetric() ? "int8 asymmetric" : "int8 symmetric") + " per tensor, "
                + activations.size() + " Q/DQ pairs");
        List<String> int16 = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        settings.nodes().forEach((n, p) -> (p.onCpu() ? cpu : int16).add(n + (p.onCpu() ? "" : " (" + p.describe() + ")")));
        r.put("int16Nodes", int16);
        r.put("cpuNodes", cpu);
        return r;
    }
}
