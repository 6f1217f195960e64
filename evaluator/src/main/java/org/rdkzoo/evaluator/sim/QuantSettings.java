package org.rdkzoo.evaluator.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to quantize: hb_mapper's {@code calibration_type}, {@code max_percentile} and {@code per_channel}, plus
 * asymmetric activations (one of the dimensions of hb_mapper's default search) and per-node precision
 * ({@code node_info}).
 *
 * @param method        the calibration method; {@code max} with a percentile below 1 reads as {@code percentile}
 * @param maxPercentile the quantile of |x| for {@code percentile}, in (0, 1]
 * @param perChannel    weights quantized per output channel (else one scale per weight tensor)
 * @param asymmetric    activations quantized over [min, max] with a zero point (else symmetric about 0)
 * @param nodes         nodes that are not plain int8, by ONNX node name
 */
public record QuantSettings(CalibrationMethod method, double maxPercentile, boolean perChannel, boolean asymmetric,
        Map<String, NodePrecision> nodes) {
    /** The percentile hb_mapper's default search tries, and the one {@code percentile} uses when none is given. */
    public static final double DEFAULT_PERCENTILE = 0.99995;

    public QuantSettings {
        Objects.requireNonNull(method, "method");
        if (!(maxPercentile > 0 && maxPercentile <= 1)) {
            throw new IllegalArgumentException("max_percentile must be in (0, 1], was " + maxPercentile);
        }
        if (method == CalibrationMethod.MAX && maxPercentile < 1) {
            method = CalibrationMethod.PERCENTILE;
        }
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes == null ? Map.of() : nodes));
    }

    /** Plain int8: the method, per-tensor weights, symmetric activations, no node overrides. */
    public static QuantSettings of(CalibrationMethod method) {
        return new QuantSettings(method, method == CalibrationMethod.PERCENTILE ? DEFAULT_PERCENTILE : 1.0, false,
                false, Map.of());
    }

    public QuantSettings withMethod(CalibrationMethod m, double percentile) {
        return new QuantSettings(m, percentile, perChannel, asymmetric, nodes);
    }

    public QuantSettings withPerChannel(boolean p) {
        return new QuantSettings(method, maxPercentile, p, asymmetric, nodes);
    }

    public QuantSettings withAsymmetric(boolean a) {
        return new QuantSettings(method, maxPercentile, perChannel, a, nodes);
    }

    public QuantSettings withNodes(Map<String, NodePrecision> n) {
        return new QuantSettings(method, maxPercentile, perChannel, asymmetric, n);
    }

    /** These settings with one more node override (replacing any for that node). */
    public QuantSettings withNode(String node, NodePrecision precision) {
        Map<String, NodePrecision> n = new LinkedHashMap<>(nodes);
        n.put(node, precision);
        return withNodes(n);
    }

    /** A one-line description: {@code kl, per-channel, symmetric, 2 int16 nodes}. */
    public String describe() {
        StringBuilder s = new StringBuilder(method.id());
        if (method == CalibrationMethod.PERCENTILE) {
            s.append(' ').append(maxPercentile);
        }
        s.append(perChannel ? ", per-channel" : ", per-tensor").append(asymmetric ? ", asymmetric" : ", symmetric");
        long int16 = nodes.values().stream().filter(p -> !p.onCpu()).count();
        long cpu = nodes.size() - int16;
        if (int16 > 0) {
            s.append(", ").append(int16).append(" int16 node").append(int16 == 1 ? "" : "s");
        }
        if (cpu > 0) {
            s.append(", ").append(cpu).append(" cpu node").append(cpu == 1 ? "" : "s");
        }
        return s.toString();
    }
}
