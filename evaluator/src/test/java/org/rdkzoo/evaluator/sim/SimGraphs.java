package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;

/** Small graphs and inputs for the simulation's tests. */
final class SimGraphs {
    private SimGraphs() {
    }

    /** x[1,2,1,3] → 1x1 Conv (2 → 2 channels, weights {@code w} [2,2,1,1], bias {@code b}) → y[1,2,1,3]. */
    static OnnxModel oneConv(float[] w, float[] b) {
        return new OnnxBuilder("one_conv", 13)
                .input("x", DataType.FLOAT, 1, 2, 1, 3)
                .output("y", DataType.FLOAT, 1, 2, 1, 3)
                .initializer(Tensors.floats("w", new long[] {2, 2, 1, 1}, w))
                .initializer(Tensors.floats("b", new long[] {2}, b))
                .node("Conv", "conv", List.of("x", "w", "b"), List.of("y"), OnnxBuilder.attrInts("kernel_shape", 1, 1))
                .build();
    }

    /**
     * x[1,c,h,w] → a chain of 1x1 convolutions, each {@code c → c} channels, with the given weights
     * ([c,c,1,1]) and biases; Relu between them when {@code relu}. Node names {@code conv0}, {@code conv1}...
     */
    static OnnxModel convChain(int c, int h, int w, List<float[]> weights, List<float[]> biases, boolean relu) {
        OnnxBuilder g = new OnnxBuilder("chain", 13).input("x", DataType.FLOAT, 1, c, h, w);
        String x = "x";
        for (int i = 0; i < weights.size(); i++) {
            g.initializer(Tensors.floats("w" + i, new long[] {c, c, 1, 1}, weights.get(i)));
            g.initializer(Tensors.floats("b" + i, new long[] {c}, biases.get(i)));
            String y = i == weights.size() - 1 ? "y" : "t" + i;
            g.node("Conv", "conv" + i, List.of(x, "w" + i, "b" + i), List.of(y + (relu && !y.equals("y") ? "_pre" : "")),
                    OnnxBuilder.attrInts("kernel_shape", 1, 1));
            if (relu && !y.equals("y")) {
                g.node("Relu", "relu" + i, List.of(y + "_pre"), List.of(y));
            }
            x = y;
        }
        return g.output("y", DataType.FLOAT, 1, c, h, w).build();
    }

    /** A random c x c weight, entries N(0, 1/c), seeded. */
    static float[] randomWeight(int c, long seed) {
        Random r = new Random(seed);
        float[] v = new float[c * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() / Math.sqrt(c));
        }
        return v;
    }

    /**
     * Smooth random images: a few low-frequency waves per channel, roughly in [-2, 2], as a normalised photo
     * is smooth; white noise would make every activation a sum of independent terms.
     */
    static CalibrationSet smoothImages(int n, int channels, int size, long seed) {
        Random r = new Random(seed);
        List<float[]> samples = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            float[] x = new float[channels * size * size];
            for (int c = 0; c < channels; c++) {
                double[][] waves = new double[4][5];
                for (double[] wave : waves) {
                    wave[0] = r.nextGaussian() * 0.5;
                    wave[1] = r.nextDouble() * 3;
                    wave[2] = r.nextDouble() * 3;
                    wave[3] = r.nextDouble() * 2 * Math.PI;
                    wave[4] = r.nextGaussian() * 0.3;
                }
                for (int y = 0; y < size; y++) {
                    for (int xx = 0; xx < size; xx++) {
                        double v = 0;
                        for (double[] wave : waves) {
                            v += wave[0] * Math.sin(2 * Math.PI * (wave[1] * xx + wave[2] * y) / size + wave[3]) + wave[4];
                        }
                        x[(c * size + y) * size + xx] = (float) v;
                    }
                }
            }
            samples.add(x);
        }
        return CalibrationSet.of("smooth images", new long[] {1, channels, size, size}, samples);
    }
}
