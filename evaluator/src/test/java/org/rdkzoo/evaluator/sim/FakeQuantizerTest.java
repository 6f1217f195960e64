package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.OnnxModel;

/** The fake-quantized arithmetic, checked against values worked out by hand. */
class FakeQuantizerTest {
    private static final float[] W = {0.5f, -0.25f, 1.0f, 0.125f};
    private static final float[] B = {0.1f, -0.2f};
    /** Channel 0 then channel 1, three positions each; the largest magnitude is 1.27. */
    private static final float[] X = {0.333f, -1.27f, 0.0549f, 0.8049f, 0.2051f, -0.6066f};

    @Test
    void oneConvComputesOnRoundedInputsAndPerChannelWeights() throws Exception {
        OnnxModel model = SimGraphs.oneConv(W, B);
        Simulator sim = Simulator.of(model, "one_conv");
        CalibrationSet set = CalibrationSet.of("x", new long[] {1, 2, 1, 3}, List.of(X));
        CalibrationStats stats = sim.calibrate(set, SimProgress.NONE);
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.MAX).withPerChannel(true), stats);

        // The input: symmetric int8 over its largest magnitude, scale 1.27 / 127 = 0.01, rounded half to even.
        float sx = (float) (1.27 / 127);
        assertEquals(sx, q.activations().get(0).scale(), 0f);
        assertEquals("max (input)", q.activations().get(0).method());
        float[] xq = new float[6];
        for (int i = 0; i < 6; i++) {
            xq[i] = (float) Math.rint(X[i] / sx) * sx;
        }
        assertEquals(33 * sx, xq[0], 1e-7, "0.333 / 0.01 = 33.3 rounds to 33");
        assertEquals(5 * sx, xq[2], 1e-7, "0.0549 rounds to 5 steps");
        // Weights per output channel: channel 0 by 0.5 / 127, where -0.25 is -63.5 steps and rounds to even -64;
        // channel 1 by 1 / 127, where 0.125 is 15.875 steps and rounds to 16.
        float s0 = (float) (0.5 / 127);
        float s1 = (float) (1.0 / 127);
        float[] wq = {127 * s0, -64 * s0, 127 * s1, 16 * s1};
        float[] expected = new float[6];
        for (int c = 0; c < 2; c++) {
            for (int p = 0; p < 3; p++) {
                expected[c * 3 + p] = wq[2 * c] * xq[p] + wq[2 * c + 1] * xq[3 + p] + B[c];
            }
        }
        float[] y = run(q.model(), X);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], y[i], 1e-6, "output " + i);
        }
        float[] exact = run(model, X);
        assertTrue(Math.abs(exact[0] - y[0]) > 1e-4, "quantization changed the result, as it must");
    }

    @Test
    void perTensorWeightsShareOneScale() throws Exception {
        Simulator sim = Simulator.of(SimGraphs.oneConv(W, B), "one_conv");
        CalibrationSet set = CalibrationSet.of("x", new long[] {1, 2, 1, 3}, List.of(X));
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.MAX), sim.calibrate(set, SimProgress.NONE));
        float sx = (float) (1.27 / 127);
        float s = (float) (1.0 / 127);
        // One scale for all four weights: 0.5 is 63.5 steps (rounds to even 64), -0.25 is -31.75 (-32).
        float[] wq = {64 * s, -32 * s, 127 * s, 16 * s};
        float[] y = run(q.model(), X);
        for (int c = 0; c < 2; c++) {
            for (int p = 0; p < 3; p++) {
                float x0 = (float) Math.rint(X[p] / sx) * sx;
                float x1 = (float) Math.rint(X[3 + p] / sx) * sx;
                assertEquals(wq[2 * c] * x0 + wq[2 * c + 1] * x1 + B[c], y[c * 3 + p], 1e-6);
            }
        }
        assertEquals(1, q.weights().get(0).channels());
    }

    @Test
    void hiddenActivationsTakeTheMethodsThreshold() throws Exception {
        int c = 3;
        OnnxModel model = SimGraphs.convChain(c, 4, 4, List.of(SimGraphs.randomWeight(c, 1), SimGraphs.randomWeight(c, 2)),
                List.of(new float[c], new float[c]), false);
        Simulator sim = Simulator.of(model, "chain");
        CalibrationSet set = SimGraphs.smoothImages(5, c, 4, 7);
        CalibrationStats stats = sim.calibrate(set, SimProgress.NONE);
        // conv0's output, by hand: a 1x1 convolution is a matrix product at every pixel.
        float[] w0 = SimGraphs.randomWeight(c, 1);
        double max = 0;
        for (int s = 0; s < set.size(); s++) {
            float[] x = set.load(s);
            for (int o = 0; o < c; o++) {
                for (int p = 0; p < 16; p++) {
                    double v = 0;
                    for (int i = 0; i < c; i++) {
                        v += w0[o * c + i] * x[i * 16 + p];
                    }
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.MAX), stats);
        SimModel.ActivationQuant hidden = q.activations().stream().filter(a -> a.tensor().equals("t0")).findFirst()
                .orElseThrow();
        assertEquals("max", hidden.method());
        assertEquals(max, hidden.threshold(), 1e-5);
        assertEquals((float) (max / 127), hidden.scale(), 1e-7);
        assertEquals(Set.of("conv1"), hidden.consumers());

        SimModel p = sim.build(QuantSettings.of(CalibrationMethod.PERCENTILE), stats);
        SimModel.ActivationQuant clipped = p.activations().stream().filter(a -> a.tensor().equals("t0")).findFirst()
                .orElseThrow();
        assertEquals("percentile", clipped.method());
        assertTrue(clipped.threshold() <= max + 1e-5 && clipped.threshold() > 0.9 * max, "the 0.99995 quantile of 240 values "
                + "is their largest, or just under it: " + clipped.threshold() + " of " + max);
    }

    @Test
    void perChannelWeightsKeepTheSmallChannelsThatOneLargeChannelWouldCrush() throws Exception {
        int c = 4;
        float[] w = SimGraphs.randomWeight(c, 3);
        for (int i = 0; i < c; i++) {
            w[3 * c + i] *= 200; // output channel 3 is 200 times larger than the others
        }
        OnnxModel model = SimGraphs.convChain(c, 4, 4, List.of(w), List.of(new float[c]), false);
        Simulator sim = Simulator.of(model, "wide");
        CalibrationSet set = SimGraphs.smoothImages(4, c, 4, 11);
        CalibrationStats stats = sim.calibrate(set, SimProgress.NONE);
        double perTensor = smallChannelError(model, sim.build(QuantSettings.of(CalibrationMethod.MAX), stats), set);
        double perChannel = smallChannelError(model,
                sim.build(QuantSettings.of(CalibrationMethod.MAX).withPerChannel(true), stats), set);
        assertTrue(perChannel * 10 < perTensor, "per channel " + perChannel + ", per tensor " + perTensor);
    }

    @Test
    void asymmetricRangesSpendEveryLevelOnANonNegativeTensor() {
        Histogram h = new Histogram();
        h.add(new float[] {0f, 1f, 2f, 5.1f});
        var spec = FakeQuantizer.asymmetric(h, 5.1);
        assertEquals(5.1 / 255, spec.scales()[0], 1e-7);
        assertEquals(-128, spec.zeroPoints()[0], "0 maps to the lowest level");
    }

    /** RMS error of output channels 0..2 (the small ones) against the float model. */
    private static double smallChannelError(OnnxModel model, SimModel q, CalibrationSet set) throws Exception {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < set.size(); s++) {
            float[] x = set.load(s);
            float[] a = run(model, x);
            float[] b = run(q.model(), x);
            for (int i = 0; i < 3 * 16; i++) {
                sum += (a[i] - b[i]) * (a[i] - b[i]);
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }

    static float[] run(OnnxModel model, float[] x) throws Exception {
        long[] shape = model.inputs().get(0).fixedShape().orElseThrow();
        try (ModelRunner r = ModelRunner.open(model, List.of())) {
            Map<String, float[]> out = r.run(x, shape, Set.of("y"));
            return out.get("y");
        }
    }
}
