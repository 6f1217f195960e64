package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;

/** Where the simulation quantizes: the policy on an EfficientNet-shaped graph and on corner cases. */
class QuantPlanTest {
    private static final String BLOCK = "/blocks/blocks.6/blocks.6.0";

    private static OnnxModel tiny() {
        return GraphPreparation.prepare(EfficientNetGraphs.build(EfficientNetGraphs.tiny()));
    }

    @Test
    void quantizesConvolutionsSiluSqueezeExciteResidualsAndPoolButNotTheGraphOutput() {
        OnnxModel m = tiny();
        QuantPlan plan = QuantPlan.of(m, Map.of());
        Map<String, String> types = plan.nodes().stream().collect(Collectors.toMap(QuantPlan.Node::name,
                QuantPlan.Node::opType));
        assertEquals("Conv", types.get(BLOCK + "/conv_dw/Conv"));
        assertEquals("ReduceMean", types.get(BLOCK + "/se/ReduceMean"));
        assertEquals("Mul", types.get(BLOCK + "/se/Mul"));
        assertEquals("Sigmoid", types.get(BLOCK + "/se/gate/Sigmoid"));
        assertEquals("Mul", types.get("/bn1/act/Mul"), "SiLU's multiply");
        assertEquals("GlobalAveragePool", types.get("/global_pool/pool/GlobalAveragePool"));
        assertEquals("Gemm", types.get("/classifier/Gemm"));
        assertFalse(types.containsKey("/global_pool/flatten/Flatten"), "data movement is exact in int8");
        // SiLU's Mul reads the conv output and the Sigmoid output, both quantized.
        QuantPlan.Node silu = plan.nodes().stream().filter(n -> n.name().equals("/bn1/act/Mul")).findFirst().orElseThrow();
        assertEquals(List.of("/conv_stem/Conv_output_0", "/bn1/act/Sigmoid_output_0"), silu.activations());
        // One Q/DQ pair per tensor, whichever nodes read it: the SE input feeds ReduceMean and Mul.
        QuantPlan.Activation seInput = plan.activations().stream()
                .filter(a -> a.consumers().contains(BLOCK + "/se/ReduceMean")).findFirst().orElseThrow();
        assertEquals(Set.of(BLOCK + "/se/ReduceMean", BLOCK + "/se/Mul"), seInput.consumers());
        assertTrue(plan.activations().stream().noneMatch(a -> a.tensor().equals(EfficientNetGraphs.OUTPUT)));
        // Every conv and the classifier have an int8 weight, output channels on axis 0.
        assertEquals(EfficientNetGraphs.convNodes(m).size() + 1, plan.weights().size());
        assertTrue(plan.weights().stream().allMatch(w -> w.axis() == 0));
        // The graph input is the BPU's input path.
        QuantPlan.Activation input = plan.activations().get(0);
        assertEquals(EfficientNetGraphs.INPUT, input.tensor());
        assertTrue(input.fromInput());
        assertEquals(8, input.bits());
    }

    @Test
    void int16NodesWidenTheirInputsAndTheReadersOfTheirOutputs() {
        OnnxModel m = tiny();
        Map<String, NodePrecision> p = new HashMap<>();
        EfficientNetGraphs.ZOO_INT16_NODES.forEach(n -> p.put(n, NodePrecision.int16()));
        QuantPlan plan = QuantPlan.of(m, p);
        Map<String, String> types = plan.nodes().stream().collect(Collectors.toMap(QuantPlan.Node::name,
                QuantPlan.Node::dataType));
        for (String n : EfficientNetGraphs.ZOO_INT16_NODES) {
            assertEquals("int16", types.get(n), n);
        }
        // conv_dw's output reaches the SiLU's Sigmoid and Mul through no other node: both read it in int16.
        String dwOut = BLOCK + "/conv_dw/Conv_output_0";
        assertTrue(plan.activations().stream().filter(a -> a.tensor().equals(dwOut)).allMatch(a -> a.bits() == 16));
        assertEquals("int16", types.get(BLOCK + "/bn2/act/Sigmoid"));
        // blocks.5.0's conv_pwl outputs int16 straight into blocks.6.0's conv_pw; a node neither int16 nor reading
        // an int16 output stays int8.
        assertEquals("int16", types.get(BLOCK + "/conv_pw/Conv"));
        assertEquals("int8", types.get("/blocks/blocks.3/blocks.3.0/conv_pw/Conv"));
    }

    @Test
    void cpuNodesAreLeftInFloat() {
        OnnxModel m = tiny();
        String node = BLOCK + "/conv_pwl/Conv";
        QuantPlan plan = QuantPlan.of(m, Map.of(node, NodePrecision.cpu()));
        assertTrue(plan.nodes().stream().noneMatch(n -> n.name().equals(node)));
        assertTrue(plan.weights().stream().noneMatch(w -> w.node().equals(node)));
    }

    @Test
    void aNodeTheModelDoesNotHaveIsNamedWithNearNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuantPlan.of(tiny(), Map.of("/blocks/blocks.6/blocks.6.0/conv_pwl/Con", NodePrecision.int16())));
        assertTrue(e.getMessage().contains("did you mean /blocks/blocks.6/blocks.6.0/conv_pwl/Conv"), e.getMessage());
    }

    @Test
    void shapeArithmeticAndIntegerTensorsAreNotQuantized() {
        // x → Shape → Concat(with a constant) → Reshape(x, shape) → MatMul(w): only x and the reshaped x are data.
        OnnxModel m = new OnnxBuilder("shapes", 13)
                .input("x", DataType.FLOAT, 1, 4)
                .output("y", DataType.FLOAT, 1, 2)
                .initializer(Tensors.integers("minus1", DataType.INT64, new long[] {1}, new long[] {-1}))
                .initializer(Tensors.floats("w", new long[] {4, 2}, new float[8]))
                .node("Shape", "shape", List.of("x"), List.of("s"))
                .node("Slice", "first", List.of("s", "zero", "one"), List.of("n"))
                .node("Concat", "concat", List.of("n", "minus1"), List.of("target"), OnnxBuilder.attr("axis", 0L))
                .node("Reshape", "reshape", List.of("x", "target"), List.of("r"))
                .node("MatMul", "matmul", List.of("r", "w"), List.of("y"))
                .initializer(Tensors.integers("zero", DataType.INT64, new long[] {1}, new long[] {0}))
                .initializer(Tensors.integers("one", DataType.INT64, new long[] {1}, new long[] {1}))
                .build();
        QuantPlan plan = QuantPlan.of(m, Map.of());
        assertEquals(List.of("r"), plan.activations().stream().map(QuantPlan.Activation::tensor).toList());
        assertTrue(plan.activations().get(0).fromInput(), "Reshape moves the input without changing it");
        assertEquals(1, plan.weights().get(0).axis(), "MatMul's [K, N] weight: output channels on its last axis");
    }
}
