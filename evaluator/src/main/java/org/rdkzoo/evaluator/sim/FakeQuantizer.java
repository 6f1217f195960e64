package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxEditor;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.QuantSpec;
import org.rdkzoo.evaluator.onnx.Tensors;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

/**
 * Builds the fake-quantized model: a QuantizeLinear → DequantizeLinear pair on every activation and weight of
 * the {@link QuantPlan}, with scales from the calibration statistics and the settings. The graph then computes
 * in float what the int8 accelerator computes in integers, up to the accumulator's rounding.
 *
 * <ul>
 * <li>int8 activations, symmetric: {@code scale = T / 127}, zero point 0, T from the method's threshold.</li>
 * <li>int8 activations, asymmetric: the range [min, max] seen, clipped to [-T, T] and stretched to hold 0,
 * over 255 steps; zero point {@code round(-128 - lo / scale)}.</li>
 * <li>int16 activations: symmetric over the largest magnitude, {@code scale = max|x| / 32767}: with 65536 levels
 * nothing needs clipping.</li>
 * <li>weights: int8 symmetric, {@code scale = max|w| / 127} per output channel or per tensor.</li>
 * </ul>
 */
public final class FakeQuantizer {
    private FakeQuantizer() {
    }

    public static SimModel build(OnnxModel prepared, QuantPlan plan, CalibrationStats stats, QuantSettings settings) {
        if (settings.method() == CalibrationMethod.DEFAULT) {
            throw new IllegalArgumentException("'default' is a search over methods: see DefaultSearch");
        }
        OnnxEditor editor = prepared.edit();
        List<SimModel.ActivationQuant> activations = new ArrayList<>();
        for (QuantPlan.Activation a : plan.activations()) {
            Histogram h = stats.histogram(a.tensor());
            String method;
            double t;
            QuantSpec spec;
            if (a.bits() == 16) {
                method = "max (int16)";
                t = h.absMax();
                spec = QuantSpec.perTensor(DataType.INT16, positive(t / 32767), 0);
            } else {
                if (a.fromInput()) {
                    method = "max (input)";
                    t = h.absMax();
                } else {
                    t = stats.threshold(a.tensor(), settings.method(), settings.maxPercentile());
                    method = settings.method() == CalibrationMethod.MIX
                            ? (t == h.absMax() ? "mix:max" : "mix:kl") : settings.method().id();
                }
                spec = settings.asymmetric() && !a.fromInput() ? asymmetric(h, t)
                        : QuantSpec.perTensor(DataType.INT8, positive(t / 127), 0);
            }
            String dq = editor.insertQdq(a.tensor(), spec, a.consumers());
            activations.add(new SimModel.ActivationQuant(a.tensor(), a.bits(), method, t, spec.scales()[0],
                    spec.zeroPoints()[0], dq, a.consumers()));
        }
        List<SimModel.WeightQuant> weights = new ArrayList<>();
        for (QuantPlan.Weight w : plan.weights()) {
            TensorProto t = prepared.initializer(w.initializer()).orElseThrow();
            float[] values = Tensors.toFloats(t);
            long[] dims = Tensors.dims(t);
            QuantSpec spec;
            double maxAbs;
            int channels;
            if (settings.perChannel() && dims.length > 0) {
                float[] scales = channelScales(values, dims, w.axis());
                spec = QuantSpec.perChannel(DataType.INT8, w.axis(), scales);
                channels = scales.length;
            } else {
                spec = QuantSpec.perTensor(DataType.INT8, positive(maxAbs(values, 0, values.length) / 127), 0);
                channels = 1;
            }
            maxAbs = maxAbs(values, 0, values.length);
            editor.insertQdq(w.initializer(), spec, Set.of(w.node()));
            weights.add(new SimModel.WeightQuant(w.node(), w.initializer(), channels, maxAbs));
        }
        return new SimModel(editor.build(), settings, plan, activations, weights);
    }

    /** int8 over [lo, hi]: the range seen, clipped to the threshold, holding 0. */
    static QuantSpec asymmetric(Histogram h, double t) {
        double lo = Math.min(0, Math.max(h.min(), -t));
        double hi = Math.max(0, Math.min(h.max(), t));
        if (hi - lo <= 0) {
            return QuantSpec.perTensor(DataType.INT8, 1f, 0);
        }
        double scale = (hi - lo) / 255;
        long zp = Math.round(-128 - lo / scale);
        zp = Math.max(-128, Math.min(127, zp));
        return QuantSpec.perTensor(DataType.INT8, (float) scale, zp);
    }

    /** max|w| / 127 for each index of {@code axis}. */
    static float[] channelScales(float[] values, long[] dims, int axis) {
        int channels = (int) dims[axis];
        long inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        double[] max = new double[channels];
        for (int i = 0; i < values.length; i++) {
            int c = (int) ((i / inner) % channels);
            max[c] = Math.max(max[c], Math.abs(values[i]));
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = positive(max[c] / 127);
        }
        return scales;
    }

    private static double maxAbs(float[] v, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    /** A scale for Q/DQ: positive and finite (an all-zero tensor quantizes exactly with any scale). */
    private static float positive(double scale) {
        float s = (float) scale;
        return s > 0 && Float.isFinite(s) ? s : 1f;
    }
}
