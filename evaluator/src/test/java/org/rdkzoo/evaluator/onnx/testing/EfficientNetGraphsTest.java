package org.rdkzoo.evaluator.onnx.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.OnnxNode;
import org.rdkzoo.evaluator.onnx.ValueInfo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

class EfficientNetGraphsTest {
    private static OnnxModel b2() {
        return EfficientNetGraphs.build(EfficientNetGraphs.b2());
    }

    private static OnnxModel build(EfficientNetGraphs.Spec spec) {
        return EfficientNetGraphs.build(spec);
    }

    @Test
    void everyZooNodeInfoNameExistsInEveryVariant() {
        for (EfficientNetGraphs.Spec spec : List.of(EfficientNetGraphs.tiny(), EfficientNetGraphs.b2())) {
            OnnxModel m = build(spec);
            for (String name : EfficientNetGraphs.ZOO_INT16_NODES) {
                assertTrue(m.node(name).isPresent(), spec.name() + " lacks " + name);
            }
            assertEquals("ReduceMean", m.node("/blocks/blocks.6/blocks.6.0/se/ReduceMean").orElseThrow().opType());
            assertEquals("Mul", m.node("/blocks/blocks.6/blocks.6.0/se/Mul").orElseThrow().opType());
        }
    }

    @Test
    void b2HasTimmsLayoutAndTheZoosParameterCount() {
        OnnxModel m = b2();
        assertArrayEquals(new int[] {2, 3, 3, 4, 4, 5, 2}, EfficientNetGraphs.repeats(1.2));
        assertEquals(11, m.opsetVersion());
        assertEquals(List.of("data"), m.inputs().stream().map(ValueInfo::name).toList());
        assertEquals("1x3x224x224", m.inputs().get(0).shapeText());
        assertEquals("1x1000", m.outputs().get(0).shapeText());
        // timm counts 9.11 M parameters for efficientnet_b2 with BatchNorm's gamma and beta; folded
        // into the convolutions one bias per channel is left, which gives the zoo's published 9.07 M.
        long params = m.parameterCount().weights();
        assertTrue(params > 9_000_000 && params < 9_120_000, "parameters " + params);

        Map<String, Integer> ops = new TreeMap<>();
        m.nodes().forEach(n -> ops.merge(n.opType(), 1, Integer::sum));
        assertEquals(23, ops.get("ReduceMean"), "one SE block per MBConv block");
        // stem + 23 blocks x (dw, se reduce, se expand, pw/pwl) + 21 expansion convs (not in stage 0) + head
        assertEquals(1 + 23 * 4 + 21 + 1, ops.get("Conv"));
        OnnxNode dw = m.node("/blocks/blocks.6/blocks.6.0/conv_dw/Conv").orElseThrow();
        assertEquals(dw.attribute("group").orElseThrow().asLong(), m.initializer(dw.inputs().get(1)).orElseThrow().getDims(0),
                "depthwise: one group per channel");
        assertTrue(m.node("/blocks/blocks.1/blocks.1.1/Add").isPresent(), "residual inside a stage");
        assertTrue(m.node("/blocks/blocks.1/blocks.1.0/Add").isEmpty(), "no residual where the stride changes");
        assertEquals(List.of("/conv_stem/Conv", "/bn1/act/Sigmoid", "/bn1/act/Mul"),
                m.nodes().subList(0, 3).stream().map(OnnxNode::name).toList());
        assertEquals("/classifier/Gemm", m.nodes().get(m.nodes().size() - 1).name());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        // Specs are records: a copy is a new cache key, so this builds twice.
        EfficientNetGraphs.Spec tiny = EfficientNetGraphs.tiny();
        EfficientNetGraphs.Spec same = new EfficientNetGraphs.Spec("tiny-copy", tiny.width(), tiny.depth(), tiny.resolution(),
                tiny.classes(), tiny.seed());
        assertArrayEquals(EfficientNetGraphs.build(tiny).toByteArray(), EfficientNetGraphs.build(same).toByteArray());
        assertTrue(!java.util.Arrays.equals(EfficientNetGraphs.build(tiny).toByteArray(),
                EfficientNetGraphs.build(tiny.withSeed(99)).toByteArray()));
    }

    @Test
    void tinyAndB2RunInOnnxRuntimeWithLogitsSpreadLikeATrainedNetworks() throws Exception {
        for (EfficientNetGraphs.Spec spec : List.of(EfficientNetGraphs.tiny(), EfficientNetGraphs.b2())) {
            OnnxModel m = build(spec);
            float[] x = new float[3 * 224 * 224];
            Random r = new Random(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(m.toByteArray(), new OrtSession.SessionOptions());
                    OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, 224, 224});
                    OrtSession.Result out = s.run(Map.of("data", in))) {
                float[] logits = ((float[][]) out.get(0).getValue())[0];
                assertEquals(1000, logits.length);
                double sum = 0;
                double sq = 0;
                for (float v : logits) {
                    assertTrue(Float.isFinite(v));
                    sum += v;
                    sq += v * v;
                }
                double std = Math.sqrt(sq / logits.length - (sum / logits.length) * (sum / logits.length));
                assertTrue(std > 0.5 && std < 20, spec.name() + ": logit std " + std);
            }
        }
    }
}
