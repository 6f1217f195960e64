package org.rdkzoo.evaluator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnx.proto.OnnxMl;

/**
 * The four real models in ../shared/assets: parsed, counted and rewritten. Every parameter count is
 * checked against a figure derived without our parser: the published architecture of each network,
 * and the total element count that Tribuo's full upstream schema reads from the same file.
 */
class RealModelsTest {
    private static Path models;

    @BeforeAll
    static void assets() {
        Path assets = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"));
        models = assets.resolve("models");
        Assumptions.assumeTrue(Files.isDirectory(models), models + " not found: skipping the real-model tests");
    }

    private static OnnxModel read(String name) throws Exception {
        return OnnxModel.read(models.resolve(name));
    }

    @Test
    void everyAssetModelParsesAndAgreesWithTheFullUpstreamSchema() throws Exception {
        for (String name : List.of("mobilenet_v1_0.25_224_keras_fp32.onnx", "mobilenetv2-12-int8.onnx",
                "mobilenet_v2_1.0_224_int8_per_tensor.onnx", "mobilenet_v1_0.5_128_quant.onnx")) {
            OnnxModel m = read(name);
            OnnxMl.ModelProto full = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(models.resolve(name)));
            long elements = 0;
            for (OnnxMl.TensorProto t : full.getGraph().getInitializerList()) {
                elements += t.getDimsList().stream().reduce(1L, (a, b) -> a * b);
            }
            assertEquals(elements, m.parameterCount().elements(), name);
            assertEquals(full.getGraph().getNodeCount(), m.nodes().size(), name);
            for (int i = 0; i < m.nodes().size(); i++) {
                assertEquals(full.getGraph().getNode(i).getName(), m.nodes().get(i).name());
                assertEquals(full.getGraph().getNode(i).getOpType(), m.nodes().get(i).opType());
                assertEquals(full.getGraph().getNode(i).getInputList(), m.nodes().get(i).inputs());
            }
        }
    }

    @Test
    void floatMobileNetV1HasTheKerasParameterCount() throws Exception {
        OnnxModel m = read("mobilenet_v1_0.25_224_keras_fp32.onnx");
        // Keras MobileNet(alpha=0.25): 3x3 stem conv (no bias), 13 depthwise + pointwise pairs, each conv
        // followed by BatchNorm (gamma, beta, mean, variance), then a 1x1 conv classifier with bias.
        int[] pointwiseOut = {16, 32, 32, 64, 64, 128, 128, 128, 128, 128, 128, 256, 256};
        long expected = 3 * 3 * 3 * 8 + 4 * 8;
        int in = 8;
        for (int out : pointwiseOut) {
            expected += 9L * in + 4L * in + (long) in * out + 4L * out;
            in = out;
        }
        expected += 256L * 1000 + 1000;
        ParameterCount count = m.parameterCount();
        assertEquals(475_544, expected, "Keras reports 475,544 parameters for MobileNet 0.25");
        assertEquals(expected, count.weights());
        assertEquals(2, count.scalars(), "Clip's min and max");
        assertEquals(0, count.quantization());

        assertEquals(List.of("input"), m.inputs().stream().map(ValueInfo::name).toList());
        assertEquals("Nx3x224x224", m.inputs().get(0).shapeText());
        assertEquals(List.of("predictions"), m.outputs().stream().map(ValueInfo::name).toList());
        OnnxNode conv1 = m.node("conv1").orElseThrow();
        assertEquals("Conv", conv1.opType());
        assertEquals(List.of(2L, 2L), conv1.attribute("strides").orElseThrow().asLongs());
        assertEquals(27, m.nodes().stream().filter(n -> n.opType().equals("BatchNormalization")).count());
        assertEquals(216, m.initializerFloats("conv1.weight").length);
    }

    @Test
    void qOperatorMobileNetV2HasTorchvisionsParametersWithBatchNormFolded() throws Exception {
        OnnxModel m = read("mobilenetv2-12-int8.onnx");
        long[] arch = torchvisionMobileNetV2();
        long convWeights = arch[0];
        long bnChannels = arch[1];
        assertEquals(3_504_872, convWeights + 2 * bnChannels + 1_281_000, "torchvision's published count");
        // Folding BatchNorm leaves one bias per channel; the classifier keeps weight and bias.
        assertEquals(convWeights + bnChannels + 1_281_000, m.parameterCount().weights());
        assertEquals(convWeights, elementsAt(m, n -> n.opType().equals("QLinearConv"), 3));
        assertEquals(bnChannels, elementsAt(m, n -> n.opType().equals("QLinearConv"), 8));
        assertEquals(52, m.nodes().stream().filter(n -> n.opType().equals("QLinearConv")).count());
        assertEquals("com.microsoft", m.nodes().stream().filter(n -> n.opType().equals("QLinearAdd")).findFirst()
                .orElseThrow().domain());
        assertTrue(m.parameterCount().quantization() > 2 * bnChannels, "per-channel scales and zero points");
    }

    @Test
    void qdqMobileNetsHaveTheirArchitecturesWeightCounts() throws Exception {
        OnnxModel v2 = read("mobilenet_v2_1.0_224_int8_per_tensor.onnx");
        long[] arch = torchvisionMobileNetV2();
        // Keras and torchvision MobileNetV2 share the layer shapes; weights are int8 behind DequantizeLinear.
        assertEquals(arch[0] + 1280L * 1000, elementsBehindDequantize(v2, DataType.INT8));
        assertEquals(arch[1] + 1000, elementsBehindDequantize(v2, DataType.INT32), "folded biases");
        assertEquals("unk__1590x224x224x3", v2.inputs().get(0).shapeText());
        assertEquals(DataType.UINT8, v2.inputs().get(0).type());

        OnnxModel v1 = read("mobilenet_v1_0.5_128_quant.onnx");
        // TF-slim MobileNet v1 0.5: 3x3 stem to 16, 13 depthwise/pointwise pairs, 1x1 logits to 1001.
        int[] pointwiseOut = {32, 64, 64, 128, 128, 256, 256, 256, 256, 256, 256, 512, 512};
        long weights = 3 * 3 * 3 * 16;
        long biases = 16;
        int in = 16;
        for (int out : pointwiseOut) {
            weights += 9L * in + (long) in * out;
            biases += in + out;
            in = out;
        }
        weights += 512L * 1001;
        biases += 1001;
        assertEquals(weights, elementsBehindDequantize(v1, DataType.UINT8));
        assertEquals(biases, elementsBehindDequantize(v1, DataType.INT32));
        assertEquals("1x128x128x3", v1.inputs().get(0).shapeText());
    }

    @Test
    void fakeQuantizingEveryConvWeightOfTheFloatModelKeepsItsPredictions() throws Exception {
        OnnxModel m = read("mobilenet_v1_0.25_224_keras_fp32.onnx");
        OnnxEditor editor = m.edit();
        int quantized = 0;
        for (OnnxNode n : m.nodes()) {
            if (!n.opType().equals("Conv")) {
                continue;
            }
            String weight = n.inputs().get(1);
            float[] w = m.initializerFloats(weight);
            int channels = (int) m.initializer(weight).orElseThrow().getDims(0);
            float[] scales = new float[channels];
            int per = w.length / channels;
            for (int c = 0; c < channels; c++) {
                float max = 1e-12f;
                for (int i = 0; i < per; i++) {
                    max = Math.max(max, Math.abs(w[c * per + i]));
                }
                scales[c] = max / 127;
            }
            editor.insertQdq(weight, QuantSpec.perChannel(DataType.INT8, 0, scales));
            quantized++;
        }
        String logits = m.nodes().stream().filter(n -> n.opType().equals("Softmax")).findFirst().orElseThrow().inputs().get(0);
        editor.addOutputs("conv1", logits);
        OnnxModel q = editor.build();
        assertEquals(28, quantized);

        float[] x = firstSampleImage();
        float[] expected = OrtRunner.run(m.edit().addOutputs(logits).build(), "input", x, 1, 3, 224, 224).get(logits);
        Map<String, float[]> out = OrtRunner.run(q, "input", x, 1, 3, 224, 224);
        assertEquals(8 * 112 * 112, out.get("conv1").length);
        double cos = cosine(expected, out.get(logits));
        // Weights alone in int8 per channel: close to float, not equal (measured 0.978 on this image).
        assertTrue(cos > 0.97 && cos < 0.9999, "logits cosine " + cos);
    }

    @Test
    void anUnchangedModelSavesToTheSameMessage(@TempDir Path dir) throws Exception {
        OnnxModel m = read("mobilenetv2-12-int8.onnx");
        Path copy = dir.resolve("copy.onnx");
        m.save(copy);
        assertEquals(m.proto(), OnnxModel.read(copy).proto());
    }

    /** The first sample image, squashed to 224x224 (nearest) and scaled as the model expects: x/127.5 - 1. */
    private static float[] firstSampleImage() throws Exception {
        Path dir = models.getParent().resolve("images/imagenet-sample-images");
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".JPEG")).sorted().findFirst().orElseThrow();
        }
        BufferedImage img = ImageIO.read(file.toFile());
        float[] x = new float[3 * 224 * 224];
        for (int y = 0; y < 224; y++) {
            for (int c = 0; c < 224; c++) {
                int rgb = img.getRGB(c * img.getWidth() / 224, y * img.getHeight() / 224);
                for (int ch = 0; ch < 3; ch++) {
                    x[ch * 224 * 224 + y * 224 + c] = ((rgb >> (16 - 8 * ch)) & 0xff) / 127.5f - 1;
                }
            }
        }
        return x;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** {conv weights, BatchNorm channels} of torchvision's mobilenet_v2 (width 1.0), from its layer table. */
    private static long[] torchvisionMobileNetV2() {
        int[][] settings = {{1, 16, 1}, {6, 24, 2}, {6, 32, 3}, {6, 64, 4}, {6, 96, 3}, {6, 160, 3}, {6, 320, 1}};
        long conv = 3 * 32 * 9;
        long bn = 32;
        int in = 32;
        for (int[] s : settings) {
            for (int i = 0; i < s[2]; i++) {
                int hidden = in * s[0];
                if (s[0] != 1) {
                    conv += (long) in * hidden;
                    bn += hidden;
                }
                conv += hidden * 9L;
                bn += hidden;
                conv += (long) hidden * s[1];
                bn += s[1];
                in = s[1];
            }
        }
        conv += in * 1280L;
        bn += 1280;
        return new long[] {conv, bn};
    }

    private static long elementsAt(OnnxModel m, Predicate<OnnxNode> op, int slot) {
        return m.nodes().stream().filter(op).filter(n -> n.inputs().size() > slot)
                .map(n -> m.initializer(n.inputs().get(slot)).orElseThrow())
                .mapToLong(Tensors::elementCount).sum();
    }

    /**
     * Elements of initializers of one type that a DequantizeLinear turns into a Conv or MatMul weight
     * or bias (other dequantized constants, such as ReLU6's clamp bounds, are not parameters).
     */
    private static long elementsBehindDequantize(OnnxModel m, DataType type) {
        long sum = 0;
        for (var t : m.initializers().values()) {
            if (Tensors.dataType(t) != type) {
                continue;
            }
            boolean parameter = false;
            for (OnnxNode dq : m.consumers(t.getName())) {
                if (!dq.opType().equals("DequantizeLinear") || !dq.inputs().get(0).equals(t.getName())) {
                    continue;
                }
                String value = dq.outputs().get(0);
                for (OnnxNode user : m.consumers(value)) {
                    boolean weightOp = user.opType().equals("Conv") || user.opType().equals("MatMul");
                    // The classifier's bias is added after its MatMul.
                    boolean biasAdd = user.opType().equals("Add") && user.inputs().stream()
                            .anyMatch(i -> m.producer(i).map(p -> p.opType().equals("MatMul")).orElse(false));
                    parameter |= weightOp && user.inputs().indexOf(value) > 0 || biasAdd;
                }
            }
            if (parameter) {
                sum += Tensors.elementCount(t);
            }
        }
        return sum;
    }
}
