package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.eval.EvaluationListener;
import org.rdkzoo.evaluator.eval.EvaluationRequest;
import org.rdkzoo.evaluator.eval.Evaluator;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.similarity.SimilarityTable;
import org.rdkzoo.evaluator.testing.Assets;

/** The simulation on the shared assets: the float MobileNet v1 0.25, and the int8 models it must refuse. */
class RealModelSimulationTest {
    @TempDir
    Path dir;

    @Test
    void theQuantizedAssetModelsAreRefusedWithTheirStructure() throws Exception {
        QuantizedStructure qop = QuantizedStructure.of(OnnxModel.read(Assets.model("mobilenetv2-12-int8.onnx")))
                .orElseThrow();
        assertEquals("QOperator", qop.format());
        assertEquals(52, qop.byOpType().get("QLinearConv"));
        assertEquals(11, qop.byOpType().get("com.microsoft:QLinearAdd"), "ten residual adds and the classifier's bias");
        assertEquals(1, qop.byOpType().get("QLinearMatMul"));

        OnnxModel st = OnnxModel.read(Assets.model("mobilenet_v2_1.0_224_int8_per_tensor.onnx"));
        QuantizedStructure qdq = QuantizedStructure.of(st).orElseThrow();
        assertEquals("QDQ", qdq.format());
        assertEquals(52, qdq.byOpType().get("Conv"), "MobileNetV2's 52 convolutions read dequantized tensors");
        assertTrue(qdq.dequantizeOps() > 52);

        QuantizedModelException e = assertThrows(QuantizedModelException.class,
                () -> Simulator.of(st, "mobilenet_v2_1.0_224_int8_per_tensor.onnx"));
        assertTrue(e.getMessage().contains("already quantized (QDQ"), e.getMessage());
        QuantizedStructure tflite = QuantizedStructure.of(OnnxModel.read(Assets.model("mobilenet_v1_0.5_128_quant.onnx")))
                .orElseThrow();
        assertEquals(28, tflite.byOpType().get("Conv"), "TF-slim MobileNet v1: the stem, 13 depthwise and pointwise "
                + "pairs, the logits");
        assertTrue(QuantizedStructure.of(OnnxModel.read(Assets.model("mobilenet_v1_0.25_224_keras_fp32.onnx")))
                .isEmpty());
    }

    @Test
    void mobilenetV1SimulatedOnImagesAgreesWithFloatAndPairsWithItsResults() throws Exception {
        Path model = Assets.model("mobilenet_v1_0.25_224_keras_fp32.onnx");
        Path calib = Files.createDirectories(dir.resolve("calib"));
        try (Stream<Path> images = Files.list(Assets.images("imagenet-sample-images"))) {
            for (Path p : images.filter(p -> p.toString().endsWith(".JPEG")).sorted().limit(40).toList()) {
                Files.createSymbolicLink(calib.resolve(p.getFileName()), p);
            }
        }
        PreprocessSpec spec = PreprocessSpec.oe().withNormalisation(List.of(127.5), List.of(1 / 127.5));
        CalibrationFiles samples = CalibrationFiles.open(calib, spec);
        assertTrue(samples.images());
        Simulator sim = Simulator.of(OnnxModel.read(model), model.toString());
        CalibrationStats stats = sim.calibrate(samples, SimProgress.NONE);
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.MAX).withPerChannel(true), stats);

        // BatchNorm folded into the 27 convolutions and the classifier: 28 weights, 28 convs + the pooling.
        assertEquals(28, q.weights().size());
        assertEquals(29, q.plan().nodes().size());
        assertTrue(q.plan().nodes().stream().noneMatch(n -> n.opType().equals("Softmax")), "Softmax stays float");
        SimilarityTable t = sim.layers(q, samples.first(8), "mnv1", SimProgress.NONE);
        assertEquals("HZ_PREPROCESS_FOR_input", t.layers().get(0).node());
        assertEquals("conv_pw_13", t.layers().get(27).node());
        assertEquals(6.0, t.layers().get(27).threshold(), 1e-6, "ReLU6 bounds the input of conv_pw_13");
        assertTrue(t.minOutputCosine().getAsDouble() > 0.8, t.outputs().toString());

        PreprocessOverrides keras = PreprocessOverrides.none().withNormalisation(List.of(127.5), List.of(1 / 127.5));
        EvaluationRequest request = EvaluationRequest.builder(model, Assets.images("ilsvrc2012-val-1300")).limit(60)
                .preprocessing(keras).build();
        EvaluationResults floats;
        try (OrtBackend backend = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            floats = Evaluator.prepare(request, backend, Clock.systemUTC()).run(dir.resolve("f.json"),
                    EvaluationListener.NONE);
        }
        EvaluationResults simulated;
        try (SimBackend backend = SimBackend.open(q, model, OrtBackend.Options.defaults(), Map.of("calibrationData",
                calib.toString()))) {
            simulated = Evaluator.prepare(request, backend, Clock.systemUTC()).run(dir.resolve("s.json"),
                    EvaluationListener.NONE);
        }
        assertEquals("sim", simulated.backend().kind());
        assertEquals("max", simulated.backend().settings().get("calibrationType"));
        assertEquals(true, simulated.backend().settings().get("perChannel"));
        assertEquals(floats.dataset().imageIdsSha256(), simulated.dataset().imageIdsSha256(), "compare pairs them");
        assertEquals(floats.model().sha256(), simulated.model().sha256());
        int same = 0;
        for (int i = 0; i < 60; i++) {
            same += floats.images().get(i).top1() == simulated.images().get(i).top1() ? 1 : 0;
        }
        assertTrue(same >= 45, "same top-1 on " + same + " of 60 images");
        assertTrue(Math.abs(floats.metrics().top1() - simulated.metrics().top1()) <= 6,
                floats.metrics().top1() + " vs " + simulated.metrics().top1());
    }
}
