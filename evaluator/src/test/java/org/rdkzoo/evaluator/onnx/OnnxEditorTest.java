package org.rdkzoo.evaluator.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

class OnnxEditorTest {
    private static final float[] X = TinyGraphs.ramp(32, 0.37f);

    @Test
    void addedOutputsExposeIntermediateTensorsAndLeaveTheResultUnchanged() throws Exception {
        OnnxModel model = TinyGraphs.convNet(13);
        OnnxModel probed = model.edit().addOutputs("conv_out", "relu_out").build();

        Map<String, float[]> plain = OrtRunner.run(model, "x", X, 1, 2, 4, 4);
        Map<String, float[]> out = OrtRunner.run(probed, "x", X, 1, 2, 4, 4);

        assertEquals(List.of("y", "conv_out", "relu_out"), List.copyOf(out.keySet()));
        assertArrayEquals(plain.get("y"), out.get("y"), 0f);
        float[] conv = out.get("conv_out");
        float[] relu = out.get("relu_out");
        assertEquals(3 * 4 * 4, conv.length);
        for (int i = 0; i < conv.length; i++) {
            assertEquals(Math.max(0f, conv[i]), relu[i], 0f);
        }
        assertEquals(List.of("y", "conv_out", "relu_out"), probed.outputs().stream().map(ValueInfo::name).toList());
    }

    @Test
    void addingAnOutputThatDoesNotExistIsRefused() {
        OnnxEditor editor = TinyGraphs.convNet(13).edit();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> editor.addOutputs("conv_outt"));
        assertTrue(e.getMessage().contains("conv_outt"), e.getMessage());
    }

    @Test
    void perTensorInt8QdqRoundsHalfToEvenAndSaturatesAsOnnxSpecifies() throws Exception {
        float[] x = {-0.25f, 0.25f, 0.75f, 1.25f, 1.75f, -1.25f, 100f, -100f};
        // q = saturate(round_half_even(x / 0.5)): -0.5→0, 0.5→0, 1.5→2, 2.5→2, 3.5→4, -2.5→-2, 200→127, -200→-128
        float[] expected = {0f, 0f, 1f, 1f, 2f, -1f, 63.5f, -64f};
        OnnxEditor editor = TinyGraphs.identity(13, x.length).edit();
        editor.insertQdq("x", QuantSpec.perTensor(DataType.INT8, 0.5f, 0));
        assertArrayEquals(expected, OrtRunner.run(editor.build(), "x", x, x.length).get("y"), 0f);
    }

    @Test
    void perTensorUint8QdqAppliesTheZeroPoint() throws Exception {
        float[] x = {-0.25f, 1.25f, 100f, -100f};
        // q = saturate(round_half_even(x / 0.5) + 128) in [0, 255]; x' = (q - 128) * 0.5
        float[] expected = {0f, 1f, 63.5f, -64f};
        OnnxEditor editor = TinyGraphs.identity(13, x.length).edit();
        editor.insertQdq("x", QuantSpec.perTensor(DataType.UINT8, 0.5f, 128));
        OnnxModel m = editor.build();
        assertArrayEquals(expected, OrtRunner.run(m, "x", x, x.length).get("y"), 0f);
        assertEquals(DataType.UINT8, Tensors.dataType(m.initializer("x_zero_point").orElseThrow()));
    }

    @Test
    void int16QdqUsesOnnxRuntimeContribOpsBelowOpset21() throws Exception {
        float scale = 1f / 1024;
        float[] x = {0.3f, -0.3f, 40f, -40f};
        // 0.3 * 1024 = 307.2 → 307; 40 * 1024 = 40960 saturates at 32767 / -32768
        float[] expected = {307 * scale, -307 * scale, 32767 * scale, -32768 * scale};
        OnnxEditor editor = TinyGraphs.identity(13, x.length).edit();
        editor.insertQdq("x", QuantSpec.perTensor(DataType.INT16, scale, 0));
        OnnxModel m = editor.build();
        assertEquals(OnnxEditor.MS_DOMAIN, m.node("x_QuantizeLinear").orElseThrow().domain());
        assertTrue(m.opsetVersion(OnnxEditor.MS_DOMAIN).isPresent());
        assertArrayEquals(expected, OrtRunner.run(m, "x", x, x.length).get("y"), 0f);
    }

    @Test
    void perChannelWeightQdqEqualsConvolvingWithHandQuantizedWeights() throws Exception {
        for (int opset : new int[] {11, 13}) {
            OnnxModel model = TinyGraphs.convNet(opset);
            float[] w = model.initializerFloats("conv.weight");
            float[] scales = new float[3];
            float[] fake = new float[w.length];
            int perChannel = w.length / 3;
            for (int c = 0; c < 3; c++) {
                float max = 0;
                for (int i = 0; i < perChannel; i++) {
                    max = Math.max(max, Math.abs(w[c * perChannel + i]));
                }
                scales[c] = max / 127;
                for (int i = 0; i < perChannel; i++) {
                    float q = Math.max(-128, Math.min(127, Math.round(w[c * perChannel + i] / scales[c])));
                    fake[c * perChannel + i] = q * scales[c];
                }
            }
            OnnxEditor qdq = model.edit();
            String dq = qdq.insertQdq("conv.weight", QuantSpec.perChannel(DataType.INT8, 0, scales));
            OnnxModel quantized = qdq.build();
            OnnxModel byHand = model.edit().replaceInitializer(Tensors.floats("conv.weight", new long[] {3, 2, 3, 3}, fake)).build();

            OnnxNode conv = quantized.node("conv").orElseThrow();
            assertEquals(dq, conv.inputs().get(1));
            assertEquals(opset >= 13 ? "" : OnnxEditor.MS_DOMAIN, quantized.node("conv.weight_QuantizeLinear").orElseThrow().domain());
            float[] a = OrtRunner.run(quantized, "x", X, 1, 2, 4, 4).get("y");
            float[] b = OrtRunner.run(byHand, "x", X, 1, 2, 4, 4).get("y");
            assertArrayEquals(b, a, 1e-5f, "opset " + opset);
        }
    }

    @Test
    void qdqNodesAreInsertedJustBeforeTheFirstConsumer() {
        OnnxEditor editor = TinyGraphs.convNet(13).edit();
        editor.insertQdq("relu_out", QuantSpec.perTensor(DataType.INT8, 0.05f, 0));
        List<String> order = editor.build().nodes().stream().map(OnnxNode::name).toList();
        assertEquals(List.of("conv", "relu", "relu_out_QuantizeLinear", "relu_out_DequantizeLinear", "gap", "flatten", "fc"), order);
    }

    @Test
    void onlyTheChosenConsumersReadTheQuantizedValue() throws Exception {
        // x feeds both a Mul (to be quantized) and an Add (kept float), like a conv input beside a residual.
        OnnxModel model = new OnnxBuilder("g", 13)
                .input("x", DataType.FLOAT, 2).output("m", DataType.FLOAT, 2).output("a", DataType.FLOAT, 2)
                .initializer(Tensors.floats("one", new long[] {2}, new float[] {1f, 1f}))
                .initializer(Tensors.floats("zero", new long[] {2}, new float[] {0f, 0f}))
                .node("Mul", "mul", List.of("x", "one"), List.of("m"))
                .node("Add", "add", List.of("x", "zero"), List.of("a"))
                .build();
        OnnxEditor editor = model.edit();
        editor.insertQdq("x", QuantSpec.perTensor(DataType.INT8, 0.5f, 0), java.util.Set.of("mul"));
        Map<String, float[]> out = OrtRunner.run(editor.build(), "x", new float[] {0.3f, 1.2f}, 2);
        assertArrayEquals(new float[] {0.5f, 1.0f}, out.get("m"), 0f);
        assertArrayEquals(new float[] {0.3f, 1.2f}, out.get("a"), 0f);
        assertThrows(IllegalArgumentException.class,
                () -> model.edit().insertQdq("x", QuantSpec.perTensor(DataType.INT8, 1f, 0), java.util.Set.of("nope")));
    }

    @Test
    void perChannelSpecMustMatchTheChannelCount() {
        OnnxEditor editor = TinyGraphs.convNet(13).edit();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> editor.insertQdq("conv.weight", QuantSpec.perChannel(DataType.INT8, 0, new float[] {1f, 1f})));
        assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    }

    @Test
    void quantizingATensorNobodyReadsIsRefused() {
        OnnxEditor editor = TinyGraphs.convNet(13).edit();
        assertThrows(IllegalArgumentException.class, () -> editor.insertQdq("y", QuantSpec.perTensor(DataType.INT8, 1f, 0)));
    }

    @Test
    void newTensorNamesNeverCollideWithExistingOnes() {
        OnnxModel model = new OnnxBuilder("g", 13)
                .input("x", DataType.FLOAT, 2).output("y", DataType.FLOAT, 2)
                .initializer(Tensors.floats("x_scale", new long[] {2}, new float[] {1f, 2f}))
                .node("Mul", "mul", List.of("x", "x_scale"), List.of("y"))
                .build();
        OnnxEditor editor = model.edit();
        editor.insertQdq("x", QuantSpec.perTensor(DataType.INT8, 0.5f, 0));
        OnnxModel m = editor.build();
        TensorProto original = m.initializer("x_scale").orElseThrow();
        assertEquals(List.of(2L), original.getDimsList());
        assertTrue(m.initializer("x_scale_1").isPresent());
    }

    @Test
    void quantSpecRejectsBadScalesAndZeroPoints() {
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.perTensor(DataType.INT8, 0f, 0));
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.perTensor(DataType.INT8, Float.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.perTensor(DataType.INT8, 1f, 128));
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.perTensor(DataType.FLOAT, 1f, 0));
    }
}
