package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;

class GraphPreparationTest {
    /** x → Conv (no bias, unnamed) → BatchNormalization → Relu → y. */
    private static OnnxModel convBn() {
        int c = 3;
        return new OnnxBuilder("bn", 13)
                .input("x", DataType.FLOAT, 1, c, 4, 4)
                .output("y", DataType.FLOAT, 1, c, 4, 4)
                .initializer(Tensors.floats("w", new long[] {c, c, 1, 1}, SimGraphs.randomWeight(c, 4)))
                .initializer(Tensors.floats("gamma", new long[] {c}, new float[] {2f, 0.5f, -1f}))
                .initializer(Tensors.floats("beta", new long[] {c}, new float[] {0.1f, 0.2f, 0.3f}))
                .initializer(Tensors.floats("mean", new long[] {c}, new float[] {0.5f, -0.5f, 0f}))
                .initializer(Tensors.floats("var", new long[] {c}, new float[] {4f, 0.25f, 1f}))
                .node("Conv", "", List.of("x", "w"), List.of("conv_out"), OnnxBuilder.attrInts("kernel_shape", 1, 1))
                .node("BatchNormalization", "bn", List.of("conv_out", "gamma", "beta", "mean", "var"), List.of("bn_out"),
                        OnnxBuilder.attr("epsilon", 1e-3f))
                .node("Relu", "relu", List.of("bn_out"), List.of("y"))
                .build();
    }

    @Test
    void batchNormIsFoldedIntoTheConvolutionWithTheSameResult() throws Exception {
        OnnxModel original = convBn();
        OnnxModel prepared = GraphPreparation.prepare(original);
        assertEquals(List.of("Conv", "Relu"), prepared.nodes().stream().map(n -> n.opType()).toList());
        assertEquals("bn_out", prepared.nodes().get(0).outputs().get(0), "the conv takes the BatchNorm's output");
        assertEquals(3, prepared.nodes().get(0).inputs().size(), "a bias was added");
        assertTrue(prepared.initializer("gamma").isEmpty(), "BatchNorm parameters nobody reads are dropped");
        float[] x = SimGraphs.smoothImages(1, 3, 4, 3).load(0);
        float[] a = FakeQuantizerTest.run(original, x);
        float[] b = FakeQuantizerTest.run(prepared, x);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-5);
        }
    }

    @Test
    void unnamedNodesGetTheirOperatorAndIndex() {
        OnnxModel prepared = GraphPreparation.prepare(convBn());
        assertEquals("Conv_0", prepared.nodes().get(0).name());
        assertEquals("relu", prepared.nodes().get(1).name());
    }
}
