package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BpuBackend;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.testing.PngSet;
import org.rdkzoo.evaluator.testing.StandInScores;
import org.rdkzoo.runtime.HbDnnStatus;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** A board evaluation on the libdnn stand-in: real images, the board's preprocessing, per-image failures. */
class BpuEvaluationTest {
    private static final int CLASSES = 7;

    @TempDir
    Path dir;

    private EvaluationResults evaluate(Path bin, PngSet set, PreprocessOverrides user, BpuBackend.Options options)
            throws Exception {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, options)) {
            EvaluationRequest request = EvaluationRequest.builder(bin, set.root())
                    .labels(PngSet.labelMap(dir.resolve("labels.txt"), CLASSES))
                    .preprocessing(BoardPreprocessing.overrides(user, backend)).decodeThreads(2).batch(4).build();
            return Evaluator.prepare(request, backend, Clock.systemUTC()).run(dir.resolve("r.json"),
                    EvaluationListener.NONE);
        }
    }

    @Test
    void eachImageIsRankedAsTheStandInComputesFromItsLetterboxedNv12() throws Exception {
        Path bin = StandInModel.classifier("m", 16, 16, CLASSES).writeTo(dir.resolve("m.bin"));
        PngSet set = PngSet.of(dir.resolve("data"), 9, CLASSES);
        EvaluationResults r = evaluate(bin, set, PreprocessOverrides.none(), BpuBackend.Options.defaults());
        PreprocessSpec spec = r.preprocessing();
        assertEquals("letterbox", spec.preset(), "the zoo's runtime preprocessing is a .bin's default");
        assertEquals(16, spec.width());
        assertTrue(spec.nv12());
        assertEquals(List.of(), spec.mean(), "the model normalises inside");
        Preprocessor preprocessor = new Preprocessor(spec);
        assertEquals(9, r.images().size());
        for (EvaluationResults.ImageResult image : r.images()) {
            byte[] nv12 = preprocessor.toNv12(ImageDecoder.read(set.root().resolve(image.id())));
            assertEquals(StandInScores.top1(nv12, 16, 16, CLASSES), image.top1(), image.id());
        }
        assertEquals("bpu", r.backend().kind());
        assertEquals("rdkzoo-standin (libdnn 1.24.5 ABI)", r.provenance().versions().get("libdnn"));
    }

    @Test
    void anInferenceThatFailsIsAFailureOfItsImageAndTheRunCompletes() throws Exception {
        int code = HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code();
        Path bin = StandInModel.classifier("m", 16, 16, CLASSES).fail("hbDNNInfer", code, 5, 1)
                .writeTo(dir.resolve("m.bin"));
        PngSet set = PngSet.of(dir.resolve("data"), 9, CLASSES);
        EvaluationResults r = evaluate(bin, set, PreprocessOverrides.none(),
                BpuBackend.Options.defaults().withThreads(1));
        assertEquals(8, r.images().size());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.metrics().failures());
        // Images run in manifest order (sorted ids) on one thread: the sixth fails.
        String sixth = set.files().stream().map(f -> set.root().relativize(f).toString().replace('\\', '/'))
                .sorted().toList().get(5);
        assertEquals(sixth, r.failures().get(0).id());
        assertTrue(r.failures().get(0).reason().startsWith("hbDNNInfer failed: HB_DNN_RUN_TASK_FAILED"),
                r.failures().get(0).reason());
    }

    @Test
    void rgbInputsFixTheColourOrderAndRefuseAnother() throws Exception {
        Path bin = StandInModel.named("rgb").input("data", "BGR", "NHWC", "1x8x8x3")
                .output("o", "F32", "NCHW", "1x7x1x1").writeTo(dir.resolve("bgr.bin"));
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        try (BpuBackend backend = BpuBackend.open(libdnn, bin, BpuBackend.Options.defaults())) {
            PreprocessOverrides o = BoardPreprocessing.overrides(PreprocessOverrides.none(), backend);
            assertEquals(PreprocessSpec.ColorOrder.BGR, o.color());
            assertEquals(null, o.nv12());
            PreprocessOverrides rgb = new PreprocessOverrides("oe", null, null, null, null, null,
                    PreprocessSpec.ColorOrder.RGB, null, null, null);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> BoardPreprocessing.overrides(rgb, backend));
            assertEquals("--color rgb contradicts the model, whose input data is HB_DNN_IMG_TYPE_BGR (BGR pixels)",
                    e.getMessage());
        }
    }
}
