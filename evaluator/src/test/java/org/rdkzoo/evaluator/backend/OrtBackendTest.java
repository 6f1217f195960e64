package org.rdkzoo.evaluator.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.image.PreprocessSpec.Layout;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.evaluator.testing.TinyOnnx.Spec;

class OrtBackendTest {
    @TempDir
    Path dir;

    @Test
    void describesAFloatNchwModelWithADynamicBatch() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            ModelDescription d = b.describe();
            assertEquals("x", d.inputName());
            assertEquals(List.of(-1L, 3L, 2L, 2L), d.inputShape());
            assertEquals(InputForm.FLOAT32, d.inputForm());
            assertEquals(Layout.NCHW, d.layout());
            assertTrue(d.dynamicBatch());
            assertEquals(2, d.height());
            assertEquals(4, d.classes());
            assertFalse(d.quantizedOutput());
        }
    }

    @Test
    void describesAUint8NhwcModelWithQuantizedOutput() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.uint8Nhwc(2, 5));
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            ModelDescription d = b.describe();
            assertEquals(InputForm.UINT8, d.inputForm());
            assertEquals(Layout.NHWC, d.layout());
            assertEquals(1, d.batch());
            assertEquals(5, d.classes());
            assertTrue(d.quantizedOutput());
        }
    }

    @Test
    void batchedScoresEqualTheMatrixProduct() throws IOException {
        Spec spec = Spec.floatLogits(2, 4);
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), spec);
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            List<ModelInput> inputs = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                inputs.add(ModelInput.floats("i" + c, TinyOnnx.patternInput(12, 4, c, c + 1)));
            }
            float[][] scores = b.infer(new Batch(inputs, 2, 2));
            assertEquals(3, scores.length);
            // Class c collects the 3 inputs at j % 4 == c, each worth c + 1.
            assertArrayEquals(new float[] {3, 0, 0, 0}, scores[0]);
            assertArrayEquals(new float[] {0, 6, 0, 0}, scores[1]);
            assertArrayEquals(new float[] {0, 0, 9, 0}, scores[2]);
        }
    }

    @Test
    void uint8OutputComesBackAsItsRawValues() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.uint8Nhwc(2, 3));
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            // NHWC, 12 bytes; pattern j % 3 == 1 means channel 1 of every pixel: class 1 scores 4 * 100.
            byte[] image = new byte[12];
            for (int j = 1; j < 12; j += 3) {
                image[j] = 100;
            }
            float[][] scores = b.infer(new Batch(List.of(ModelInput.bytes("a", InputForm.UINT8, image)), 2, 2));
            assertArrayEquals(new float[] {0, 255, 0}, scores[0]);
        }
    }

    @Test
    void aFixedBatchLargerThanTheImagesIsPaddedInside() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4).withBatch(4));
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            float[][] scores = b.infer(new Batch(List.of(ModelInput.floats("a", TinyOnnx.patternInput(12, 4, 3, 1))),
                    2, 2));
            assertEquals(1, scores.length);
            assertArrayEquals(new float[] {0, 0, 0, 3}, scores[0]);
        }
    }

    @Test
    void imagesOfAnotherSizeThanTheModelAreRefused() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        try (OrtBackend b = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            Batch wrong = new Batch(List.of(ModelInput.floats("a", new float[27])), 3, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.infer(wrong));
            assertTrue(e.getMessage().contains("the images are 3x3"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithItsName() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.onnx"), "not a model");
        BackendException e = assertThrows(BackendException.class,
                () -> OrtBackend.open(bad, OrtBackend.Options.defaults()));
        assertTrue(e.getMessage().startsWith(bad + ": ONNX Runtime cannot load the model"), e.getMessage());
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFails() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        OrtBackend b = OrtBackend.open(model, new OrtBackend.Options(1));
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, b::describe);
    }

    @Test
    void recordNamesOnnxRuntimeAndItsVersion() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        try (OrtBackend b = OrtBackend.open(model, new OrtBackend.Options(2))) {
            var record = b.record();
            assertEquals("onnxruntime", record.kind());
            assertTrue(record.versions().get("onnxruntime").matches("\\d+\\.\\d+\\.\\d+.*"), record.versions().toString());
            assertEquals(2, record.settings().get("intraOpThreads"));
        }
    }
}
