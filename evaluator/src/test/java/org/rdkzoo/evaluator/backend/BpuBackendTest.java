package org.rdkzoo.evaluator.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.testing.StandInScores;
import org.rdkzoo.runtime.HbDnnStatus;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** The BPU backend on the libdnn stand-in: what it feeds, what it reads back, threads, failures, memory. */
class BpuBackendTest {
    private static Libdnn libdnn;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        libdnn = Libdnn.load(LibdnnStandIn.library());
    }

    private static Batch nv12Batch(int n, int h, int w, long seed) {
        Random random = new Random(seed);
        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] nv12 = new byte[h * w * 3 / 2];
            random.nextBytes(nv12);
            inputs.add(ModelInput.bytes("img" + i, InputForm.NV12, nv12));
        }
        return new Batch(inputs, h, w);
    }

    private static void assertStandInScores(Batch batch, float[][] rows, int classes) {
        assertEquals(batch.size(), rows.length);
        for (int i = 0; i < rows.length; i++) {
            long t = StandInScores.t(batch.inputs().get(i).bytes(), batch.height(), batch.width());
            assertArrayEquals(StandInScores.scores(t, classes), rows[i], batch.inputs().get(i).id());
        }
    }

    @Test
    void aZooClassifierTakesNv12AndReturnsItsF32ScoresPerImage() throws Exception {
        // Padded rows (aligned width 16) as the BPU lays out some inputs.
        Path bin = StandInModel.named("EfficientNet_B2_224x224_nv12").input("data", "NV12", "NCHW", "1x3x8x10",
                "aligned=1x3x8x16").output("logits", "F32", "NCHW", "1x10x1x1").writeTo(dir.resolve("b2.bin"));
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults())) {
            ModelDescription d = backend.describe();
            assertEquals(InputForm.NV12, d.inputForm());
            assertEquals(List.of(1L, 3L, 8L, 10L), d.inputShape());
            assertEquals(8, d.height());
            assertEquals(10, d.width());
            assertEquals(10, d.classes());
            assertTrue(d.dynamicBatch(), "any number of images per call, each one inference");
            assertFalse(d.quantizedOutput(), "outputs come back dequantized");
            assertEquals("EfficientNet_B2_224x224_nv12", backend.modelName());
            assertNull(backend.pixelColor());
            Batch batch = nv12Batch(5, 8, 10, 1);
            assertStandInScores(batch, backend.infer(batch), 10);
        }
    }

    @Test
    void quantizedS8AndS32OutputsAreDequantizedPerAxis() throws Exception {
        Path s8 = StandInModel.named("s8").input("data", "NV12", "NCHW", "1x3x4x4")
                .output("scores", "S8", "NCHW", "1x6x1x1", "quant=SCALE", "axis=1", "scale=0.5,0.25,1,0.125,0.5,1",
                        "zero=3,-2,0,5,1,-1")
                .writeTo(dir.resolve("s8.bin"));
        Path s32 = StandInModel.named("s32").input("data", "NV12", "NCHW", "1x3x4x4")
                .output("scores", "S32", "NHWC", "1x1x1x6", "aligned=1x1x1x8", "quant=SCALE", "axis=3",
                        "scale=0.0009765625,0.001953125,0.00390625,0.00048828125,0.0625,0.25", "zero=0,0,0,0,0,0")
                .writeTo(dir.resolve("s32.bin"));
        for (Path bin : List.of(s8, s32)) {
            try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults())) {
                assertEquals(6, backend.describe().classes());
                Batch batch = nv12Batch(4, 4, 4, 7);
                assertStandInScores(batch, backend.infer(batch), 6);
            }
        }
    }

    @Test
    void severalThreadsGiveTheRowsOneThreadGivesInBatchOrder() throws Exception {
        Path bin = StandInModel.classifier("m", 6, 6, 50).delayMicros(200).writeTo(dir.resolve("m.bin"));
        Batch batch = nv12Batch(11, 6, 6, 3);
        float[][] one;
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults().withThreads(1))) {
            one = backend.infer(batch);
        }
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults().withThreads(4))) {
            float[][] four = backend.infer(batch);
            for (int i = 0; i < one.length; i++) {
                assertArrayEquals(one[i], four[i], "image " + i);
            }
            assertStandInScores(batch, four, 50);
            assertEquals(4, backend.record().settings().get("threads"));
        }
    }

    @Test
    void eachThreadAllocatesItsSessionMemoryOnceAndCloseFreesIt() throws Exception {
        LibdnnStandIn.Hooks hooks = LibdnnStandIn.hooks();
        int before = hooks.standin_live("mem");
        Path bin = StandInModel.classifier("m", 4, 4, 8).writeTo(dir.resolve("m.bin"));
        BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults().withThreads(3));
        assertEquals(before, hooks.standin_live("mem"), "nothing is allocated before the first image");
        backend.infer(nv12Batch(6, 4, 4, 1));
        int perSession = 2; // one input, one output buffer
        assertEquals(before + 3 * perSession, hooks.standin_live("mem"));
        for (int i = 0; i < 20; i++) {
            backend.infer(nv12Batch(6, 4, 4, i));
        }
        assertEquals(before + 3 * perSession, hooks.standin_live("mem"), "no allocation per image");
        backend.close();
        backend.close();
        assertEquals(before, hooks.standin_live("mem"));
        assertThrows(IllegalStateException.class, backend::describe);
    }

    @Test
    void aFailedInferenceFailsItsImageOnlyAndTheNextBatchRuns() throws Exception {
        int code = HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code();
        Path bin = StandInModel.classifier("m", 4, 4, 8).fail("hbDNNInfer", code, 2, 1).writeTo(dir.resolve("m.bin"));
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults().withThreads(1))) {
            Batch batch = nv12Batch(5, 4, 4, 1);
            PartialBatchException e = assertThrows(PartialBatchException.class, () -> backend.infer(batch));
            assertEquals(Map.of(2, "hbDNNInfer failed: HB_DNN_RUN_TASK_FAILED (" + code + "): stand-in: run task "
                    + "failed"), e.failures());
            float[][] rows = e.rows();
            assertNull(rows[2]);
            for (int i : new int[] {0, 1, 3, 4}) {
                assertNotNull(rows[i]);
                long t = StandInScores.t(batch.inputs().get(i).bytes(), 4, 4);
                assertArrayEquals(StandInScores.scores(t, 8), rows[i]);
            }
            assertTrue(e.getMessage().contains("1 of 5 images failed on the BPU, first img2"), e.getMessage());
            Batch next = nv12Batch(3, 4, 4, 2);
            assertStandInScores(next, backend.infer(next), 8);
        }
    }

    @Test
    void aTimeoutFailsItsImage() throws Exception {
        Path bin = StandInModel.classifier("m", 4, 4, 8).hang().writeTo(dir.resolve("m.bin"));
        BpuBackend.Options options = new BpuBackend.Options(1, Duration.ofMillis(30), null, false, 10);
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, options)) {
            PartialBatchException e = assertThrows(PartialBatchException.class,
                    () -> backend.infer(nv12Batch(2, 4, 4, 1)));
            assertEquals(2, e.failures().size());
            assertTrue(e.failures().get(0).startsWith("inference did not finish within 30 ms"), e.failures().get(0));
        }
    }

    @Test
    void stopAtFirstFailureStopsTheBatchNamingTheImage() throws Exception {
        int code = HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code();
        Path bin = StandInModel.classifier("m", 4, 4, 8).fail("hbDNNInfer", code, 1, 1).writeTo(dir.resolve("m.bin"));
        BpuBackend.Options options = BpuBackend.Options.defaults().withThreads(1).withStopAtFirstFailure(true);
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, options)) {
            BackendException e = assertThrows(BackendException.class, () -> backend.infer(nv12Batch(3, 4, 4, 1)));
            assertFalse(e instanceof PartialBatchException);
            assertEquals(bin + ": the BPU failed on image img1: hbDNNInfer failed: HB_DNN_RUN_TASK_FAILED (" + code
                    + "): stand-in: run task failed", e.getMessage());
        }
    }

    @Test
    void failuresInARowAcrossBatchesStopTheEvaluation() throws Exception {
        int code = HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code();
        Path bin = StandInModel.classifier("m", 4, 4, 8).fail("hbDNNInfer", code).writeTo(dir.resolve("m.bin"));
        BpuBackend.Options options = BpuBackend.Options.defaults().withThreads(2).withMaxConsecutiveFailures(3);
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, options)) {
            assertEquals(2, assertThrows(PartialBatchException.class, () -> backend.infer(nv12Batch(2, 4, 4, 1)))
                    .failures().size());
            BackendException e = assertThrows(BackendException.class, () -> backend.infer(nv12Batch(2, 4, 4, 2)));
            assertFalse(e instanceof PartialBatchException);
            assertTrue(e.getMessage().contains("3 images in a row failed on the BPU, the last img0"), e.getMessage());
        }
    }

    @Test
    void rgbAndBgrInputsTakePixelsInTheirLayoutAndColourOrder() throws Exception {
        // echo: the output holds the bytes the model received, so what was written is visible.
        Path rgb = StandInModel.named("rgb").input("data", "RGB", "NHWC", "1x2x3x3", "aligned=1x2x4x3")
                .output("out", "F32", "NONE", "1x18").compute("echo").writeTo(dir.resolve("rgb.bin"));
        Path bgr = StandInModel.named("bgr").input("data", "BGR", "NCHW", "1x3x2x3")
                .output("out", "F32", "NONE", "1x18").compute("echo").writeTo(dir.resolve("bgr.bin"));
        byte[] pixels = new byte[18];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (10 * i + 1);
        }
        float[] expected = new float[18];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = pixels[i] & 0xff;
        }
        try (BpuBackend a = BpuBackend.open(libdnn, rgb, BpuBackend.Options.defaults());
                BpuBackend b = BpuBackend.open(libdnn, bgr, BpuBackend.Options.defaults())) {
            assertEquals(InputForm.UINT8, a.describe().inputForm());
            assertEquals(PreprocessSpec.Layout.NHWC, a.describe().layout());
            assertEquals(PreprocessSpec.ColorOrder.RGB, a.pixelColor());
            assertEquals(PreprocessSpec.Layout.NCHW, b.describe().layout());
            assertEquals(PreprocessSpec.ColorOrder.BGR, b.pixelColor());
            Batch batch = new Batch(List.of(ModelInput.bytes("x", InputForm.UINT8, pixels)), 2, 3);
            assertArrayEquals(expected, a.infer(batch)[0]);
            assertArrayEquals(expected, b.infer(batch)[0]);
        }
    }

    @Test
    void yuv444AndGrayInputsAreMadeFromTheNv12() throws Exception {
        Path yuv = StandInModel.named("yuv").input("data", "YUV444", "NHWC", "1x2x4x3")
                .output("out", "F32", "NONE", "1x24").compute("echo").writeTo(dir.resolve("yuv.bin"));
        Path gray = StandInModel.named("gray").input("data", "Y", "NCHW", "1x1x2x4")
                .output("out", "F32", "NONE", "1x8").compute("echo").writeTo(dir.resolve("gray.bin"));
        // Y 1..8, then one row of U/V pairs: (100,200) for pixels x=0,1 and (101,201) for x=2,3.
        byte[] nv12 = {1, 2, 3, 4, 5, 6, 7, 8, 100, (byte) 200, 101, (byte) 201};
        Batch batch = new Batch(List.of(ModelInput.bytes("x", InputForm.NV12, nv12)), 2, 4);
        try (BpuBackend a = BpuBackend.open(libdnn, yuv, BpuBackend.Options.defaults());
                BpuBackend b = BpuBackend.open(libdnn, gray, BpuBackend.Options.defaults())) {
            assertEquals(InputForm.NV12, a.describe().inputForm());
            assertArrayEquals(new float[] {1, 100, 200, 2, 100, 200, 3, 101, 201, 4, 101, 201, 5, 100, 200, 6, 100, 200,
                7, 101, 201, 8, 101, 201}, a.infer(batch)[0]);
            assertEquals(InputForm.NV12, b.describe().inputForm());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, b.infer(batch)[0]);
        }
    }

    @Test
    void featureMapInputsTakeTheNormalisedTensorQuantizedByTheirScale() throws Exception {
        Path bin = StandInModel.named("fm").input("data", "S8", "NCHW", "1x3x1x2", "quant=SCALE", "scale=0.5",
                "zero=10").output("out", "F32", "NONE", "1x6").compute("echo").writeTo(dir.resolve("fm.bin"));
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults())) {
            assertEquals(InputForm.FLOAT32, backend.describe().inputForm());
            Batch batch = new Batch(List.of(ModelInput.floats("x", new float[] {0f, 1f, -2f, 2.5f, 30f, -5.2f})), 1, 2);
            // stored = rint(x / 0.5 + 10), echoed as unsigned bytes
            assertArrayEquals(new float[] {10, 12, 6, 15, 70, 0}, backend.infer(batch)[0]);
        }
    }

    @Test
    void theRecordNamesTheBpuTheLibdnnVersionTheModelNameAndTheStandIn() throws Exception {
        Path bin = StandInModel.classifier("EfficientNet_B2_224x224_nv12", 4, 4, 8).writeTo(dir.resolve("a.bin"));
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults())) {
            EvaluationResults.Backend r = backend.record();
            assertEquals("bpu", r.kind());
            assertEquals(Map.of("libdnn", "rdkzoo-standin (libdnn 1.24.5 ABI)"), r.versions());
            assertEquals("EfficientNet_B2_224x224_nv12", r.settings().get("modelName"));
            assertTrue(r.settings().containsKey("standIn"));
            assertEquals("data: HB_DNN_IMG_TYPE_NV12 NCHW 1x3x4x4", r.settings().get("input"));
            assertEquals("logits: HB_DNN_TENSOR_TYPE_F32 NCHW 1x8x1x1", r.settings().get("output"));
        }
    }

    @Test
    void modelsItCannotFeedAreRefusedNamingTheFile() throws Exception {
        Path twoInputs = StandInModel.named("two").input("a", "NV12", "NCHW", "1x3x4x4").input("b", "NV12", "NCHW",
                "1x3x4x4").output("o", "F32", "NCHW", "1x8x1x1").writeTo(dir.resolve("two.bin"));
        Path batch4 = StandInModel.named("b4").input("a", "NV12", "NCHW", "4x3x4x4").output("o", "F32", "NCHW",
                "4x8x1x1").writeTo(dir.resolve("b4.bin"));
        Path pack = StandInModel.write(dir.resolve("pack.bin"), StandInModel.classifier("first", 4, 4, 8),
                StandInModel.classifier("second", 4, 4, 5));
        BackendException two = assertThrows(BackendException.class,
                () -> BpuBackend.open(libdnn, twoInputs, BpuBackend.Options.defaults()));
        assertEquals(twoInputs + ": model 'two' has 2 inputs; rdkzoo evaluates classifiers with one image input",
                two.getMessage());
        BackendException four = assertThrows(BackendException.class,
                () -> BpuBackend.open(libdnn, batch4, BpuBackend.Options.defaults()));
        assertTrue(four.getMessage().contains("takes 4 images at once"), four.getMessage());
        BackendException named = assertThrows(BackendException.class,
                () -> BpuBackend.open(libdnn, pack, BpuBackend.Options.defaults().withModelName("third")));
        assertEquals(pack + " holds no model named 'third'; it holds [first, second]", named.getMessage());
        try (BpuBackend second = BpuBackend.open(libdnn, pack, BpuBackend.Options.defaults().withModelName("second"))) {
            assertEquals(5, second.describe().classes());
        }
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "not a model\n");
        BackendException bad = assertThrows(BackendException.class,
                () -> BpuBackend.open(libdnn, garbage, BpuBackend.Options.defaults()));
        assertTrue(bad.getMessage().startsWith(garbage + ": libdnn cannot load the model: hbDNNInitializeFromFiles "
                + "failed"), bad.getMessage());
        assertEquals(0, LibdnnStandIn.hooks().standin_live("pack"), "refused models are released");
    }
}
