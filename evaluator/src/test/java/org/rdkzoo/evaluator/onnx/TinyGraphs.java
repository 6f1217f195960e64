package org.rdkzoo.evaluator.onnx;

import java.util.List;

/** Small hand-made graphs for the ONNX layer's tests. */
final class TinyGraphs {
    private TinyGraphs() {
    }

    /** x[1,2,4,4] → Conv(3 out, 3x3, pad 1) → Relu → GlobalAveragePool → Flatten → Gemm(2) → y[1,2]. */
    static OnnxModel convNet(int opset) {
        float[] w = new float[3 * 2 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i * 0.7) * 0.5f;
        }
        return new OnnxBuilder("tiny", opset)
                .input("x", DataType.FLOAT, 1, 2, 4, 4)
                .output("y", DataType.FLOAT, 1, 2)
                .initializer(Tensors.floats("conv.weight", new long[] {3, 2, 3, 3}, w))
                .initializer(Tensors.floats("conv.bias", new long[] {3}, new float[] {0.1f, -0.2f, 0.05f}))
                .initializer(Tensors.floats("fc.weight", new long[] {2, 3}, new float[] {1f, -1f, 0.5f, 0.25f, 0.75f, -0.5f}))
                .initializer(Tensors.floats("fc.bias", new long[] {2}, new float[] {0f, 0.1f}))
                .node("Conv", "conv", List.of("x", "conv.weight", "conv.bias"), List.of("conv_out"),
                        OnnxBuilder.attrInts("kernel_shape", 3, 3), OnnxBuilder.attrInts("pads", 1, 1, 1, 1))
                .node("Relu", "relu", List.of("conv_out"), List.of("relu_out"))
                .node("GlobalAveragePool", "gap", List.of("relu_out"), List.of("gap_out"))
                .node("Flatten", "flatten", List.of("gap_out"), List.of("flat"), OnnxBuilder.attr("axis", 1L))
                .node("Gemm", "fc", List.of("flat", "fc.weight", "fc.bias"), List.of("y"), OnnxBuilder.attr("transB", 1L))
                .build();
    }

    /** x[n] → Identity → y[n]: a place to put one Q/DQ pair and read the arithmetic back. */
    static OnnxModel identity(int opset, long... shape) {
        return new OnnxBuilder("identity", opset)
                .input("x", DataType.FLOAT, shape)
                .output("y", DataType.FLOAT, shape)
                .node("Identity", "id", List.of("x"), List.of("y"))
                .build();
    }

    static float[] ramp(int n, float step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - n / 2) * step;
        }
        return v;
    }
}
