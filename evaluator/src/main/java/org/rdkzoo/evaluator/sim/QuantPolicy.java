package org.rdkzoo.evaluator.sim;

import java.util.List;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxNode;

/**
 * Where the simulation quantizes, mirroring an int8 accelerator such as the X5's BPU: every value that
 * crosses into an operator the BPU computes in int8 is an int8 tensor, so a QuantizeLinear/DequantizeLinear
 * pair sits on each activation input of those operators; weights are int8 too; what the BPU does exactly
 * in its integer pipeline adds no Q/DQ of its own.
 *
 * <ul>
 * <li><b>Compute operators</b> ({@link #COMPUTE}: Conv, ConvTranspose, Gemm, MatMul): activation inputs int8;
 * the weight (an initializer) int8 symmetric, per output channel or per tensor; the bias stays float (the BPU
 * keeps it in int32 at the product of the input and weight scales, a negligible error).</li>
 * <li><b>Element-wise and pooling operators the BPU quantizes</b> ({@link #ELEMENTWISE}: Add, Sub, Mul, Div,
 * Sigmoid, Tanh, HardSigmoid, HardSwish, GlobalAveragePool, AveragePool, ReduceMean, ReduceSum, Concat,
 * Resize): activation inputs int8. SiLU (Sigmoid then Mul) thus quantizes the Sigmoid's input and both of
 * the Mul's inputs, the Sigmoid's output among them.</li>
 * <li><b>Fused or exact operators</b> ({@link #TRANSPARENT}: Relu, Clip, LeakyRelu, PRelu, BatchNormalization,
 * and data movement: Reshape, Flatten, Transpose, Squeeze, Unsqueeze, MaxPool, Pad, Identity, Dropout): no
 * quantization of their own. The BPU fuses activations into the convolution before it requantizes, folds
 * BatchNorm into the weights (the simulation folds it too, before quantizing), and moves or compares int8
 * values without changing them.</li>
 * <li><b>Everything else</b> (Softmax, ArgMax, shape arithmetic...) stays float, as on the CPU: a model's
 * outputs are never requantized, so a classifier's logits come out of the last compute operator at full
 * precision (hb_mapper's int32 output) and its Softmax runs in float.</li>
 * <li><b>The graph input</b> gets the int8 quantization of the BPU's input path: symmetric, by its largest
 * magnitude (the board feeds whole pixels, which a clipped range would cut).</li>
 * </ul>
 * Only float data tensors are quantized: integer tensors and shape arithmetic (anything computed from
 * {@code Shape}, {@code Size}, ...) are left alone.
 */
public final class QuantPolicy {
    public static final Set<String> COMPUTE = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul");

    public static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Sigmoid", "Tanh",
            "HardSigmoid", "HardSwish", "GlobalAveragePool", "AveragePool", "ReduceMean", "ReduceSum", "Concat",
            "Resize");

    public static final Set<String> TRANSPARENT = Set.of("Relu", "Clip", "LeakyRelu", "PRelu", "BatchNormalization",
            "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "MaxPool", "Pad", "Identity", "Dropout");

    /** Operators whose outputs are integers or shapes, never float data. */
    static final Set<String> NON_DATA = Set.of("Shape", "Size", "ArgMax", "ArgMin", "NonZero", "Equal", "Greater",
            "GreaterOrEqual", "Less", "LessOrEqual", "Not", "And", "Or", "Xor", "IsNaN", "IsInf", "Range",
            "ConstantOfShape", "NonMaxSuppression");

    private QuantPolicy() {
    }

    /** Whether the node is computed in int8 on the BPU, so its activation inputs are quantized. */
    public static boolean quantized(OnnxNode node) {
        return node.domain().isEmpty() || "ai.onnx".equals(node.domain())
                ? COMPUTE.contains(node.opType()) || ELEMENTWISE.contains(node.opType()) : false;
    }

    /** Whether the node has a weight: a compute operator with an initializer at input 1. */
    public static boolean compute(OnnxNode node) {
        return COMPUTE.contains(node.opType()) && (node.domain().isEmpty() || "ai.onnx".equals(node.domain()));
    }

    public static boolean transparent(OnnxNode node) {
        return TRANSPARENT.contains(node.opType()) && (node.domain().isEmpty() || "ai.onnx".equals(node.domain()));
    }

    /** Input positions that carry data (not sizes, scales, axes or roi). */
    static List<Integer> dataInputs(OnnxNode node) {
        return switch (node.opType()) {
            case "Resize", "ReduceMean", "ReduceSum", "Pad", "Clip", "Reshape", "Squeeze", "Unsqueeze" -> List.of(0);
            case "Conv", "ConvTranspose", "Gemm" -> List.of(0, 1);
            default -> java.util.stream.IntStream.range(0, node.inputs().size()).boxed().toList();
        };
    }

    /**
     * The output channel axis of a compute operator's weight: 0 for Conv ({@code [O, I/g, kh, kw]}, depthwise
     * included) and Gemm with {@code transB=1} ({@code [N, K]}); 1 for ConvTranspose ({@code [I, O/g, ...]}),
     * Gemm with {@code transB=0} and MatMul ({@code [K, N]}, the last axis).
     */
    static int weightAxis(OnnxNode node, int rank) {
        return switch (node.opType()) {
            case "Conv" -> 0;
            case "ConvTranspose" -> 1;
            case "Gemm" -> node.longAttribute("transB", 0) == 1 ? 0 : 1;
            default -> rank - 1;
        };
    }
}
