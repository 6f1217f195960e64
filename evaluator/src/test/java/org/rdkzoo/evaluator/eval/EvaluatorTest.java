package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.image.UnreadableImageException;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.EvaluationResults.ClassMetrics;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.CancellingBackend;
import org.rdkzoo.evaluator.testing.SyntheticSet;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.evaluator.testing.TinyOnnx.Spec;

/** The whole evaluation (dataset, pipeline, ONNX Runtime, checkpoint, results) on a 4-class pattern model. */
class EvaluatorTest {
    @TempDir
    Path dir;

    private SyntheticSet set;
    private Path model;
    private Path labels;

    @BeforeEach
    void setUp() throws IOException {
        set = new SyntheticSet(dir.resolve("data"), 4, 12);
        // 12 images over 4 classes; image k of class c is predicted (c + k) % 4, so k = 0 is right.
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 3; k++) {
                set.add("img" + k + ".png", c, (c + k) % 4);
            }
        }
        model = TinyOnnx.write(dir.resolve("tiny.onnx"), Spec.floatLogits(2, 4));
        labels = set.labelMap(dir.resolve("synsets.txt"));
    }

    private EvaluationRequest.Builder request() {
        return EvaluationRequest.builder(model, set.root()).labels(labels).decodeThreads(2).batch(3);
    }

    private EvaluationResults run(EvaluationRequest request, String out, InputPreparer preparer) throws Exception {
        try (OrtBackend backend = OrtBackend.open(request.model(), OrtBackend.Options.defaults())) {
            return Evaluator.prepare(request, backend, Clock.systemUTC()).withPreparer(preparer)
                    .run(dir.resolve(out), EvaluationListener.NONE);
        }
    }

    @Test
    void resultsComeInManifestOrderWithTopFiveScoresAndMetrics() throws Exception {
        EvaluationResults r = run(request().build(), "r.json", set.preparer());
        List<String> ids = r.images().stream().map(ImageResult::id).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        assertEquals(12, ids.size());
        ImageResult first = r.images().get(0); // n00000000/img0.png, predicted 0: its logits are 3,0,0,0
        assertEquals("n00000000/img0.png", first.id());
        assertEquals(0, first.label());
        assertArrayEquals(new int[] {0, 1, 2, 3}, first.top5());
        float e3 = (float) Math.exp(3);
        assertEquals(e3 / (e3 + 3), first.scores()[0], 1e-6);
        assertEquals(4, r.metrics().top1());
        assertEquals(12, r.metrics().top5());
        assertEquals(new ClassMetrics(2, "class2", 3, 1, 3), r.metrics().perClass().get(2));
        assertEquals("softmax: the model outputs logits", r.backend().settings().get("scores"));
        assertEquals(r, ResultsFiles.read(dir.resolve("r.json")));
        assertFalse(Files.exists(Checkpoint.pathFor(dir.resolve("r.json"))));
        assertEquals("class-folders", r.dataset().layout());
        assertEquals(12, r.dataset().totalImages());
        assertEquals(4, r.model().classes());
    }

    @Test
    void unreadableImagesAreCountedAndListed() throws Exception {
        set.addUnreadable("broken.png", 1);
        EvaluationResults r = run(request().build(), "r.json", set.preparer());
        assertEquals(12, r.metrics().images());
        assertEquals(1, r.metrics().failures());
        assertEquals(List.of(new EvaluationResults.Failure("n00000001/broken.png", "not an image")),
                r.failures());
    }

    @Test
    void aRunWhereEveryImageFailsStillWritesAReadableResultsFile() throws Exception {
        EvaluationResults r = run(request().build(), "r.json", image -> {
            throw new UnreadableImageException(image.entry().id(), "truncated JPEG");
        });
        assertEquals(12, r.failures().size());
        assertTrue(Double.isNaN(r.metrics().top1Accuracy()));
        assertEquals(r, ResultsFiles.read(dir.resolve("r.json")));
    }

    @Test
    void strictStopsAtTheFirstUnreadableImageAndNamesIt() throws Exception {
        set.addUnreadable("broken.png", 1);
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> run(request().strict(true).build(), "r.json", set.preparer()));
        assertEquals("n00000001/broken.png", e.image());
        assertFalse(Files.exists(dir.resolve("r.json")));
        assertTrue(Files.exists(Checkpoint.pathFor(dir.resolve("r.json"))));
    }

    @Test
    void aModelWithOneClassTooManyIsRefusedBeforeAnyImageIsRead() throws Exception {
        Path five = TinyOnnx.write(dir.resolve("five.onnx"), Spec.floatLogits(2, 5));
        AtomicInteger reads = new AtomicInteger();
        EvaluationRequest request = EvaluationRequest.builder(five, set.root()).labels(labels).build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(request, "r.json", set.preparer(reads)));
        assertTrue(e.getMessage().contains("has 5 classes, but the label map " + labels + " has 4"), e.getMessage());
        assertTrue(e.getMessage().contains("--label-offset 1"), e.getMessage());
        assertEquals(0, reads.get());
    }

    @Test
    void anInterruptedRunResumesToTheResultsOfAnUninterruptedOne() throws Exception {
        set.addUnreadable("broken.png", 2);
        EvaluationResults whole = run(request().build(), "whole.json", set.preparer());

        EvaluationRequest request = request().build();
        Path out = dir.resolve("r.json");
        Path checkpoint = Checkpoint.pathFor(out);
        try (OrtBackend ort = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            CancellingBackend backend = new CancellingBackend(ort, 2);
            Evaluator evaluator = Evaluator.prepare(request, backend, Clock.systemUTC()).withPreparer(set.preparer());
            backend.evaluator = evaluator;
            EvaluationInterruptedException e = assertThrows(EvaluationInterruptedException.class,
                    () -> evaluator.run(dir.resolve("r.json"), EvaluationListener.NONE));
            assertTrue(e.done() >= 6 && e.done() < 13, "done " + e.done());
            assertEquals(13, e.total());
        }
        assertFalse(Files.exists(out));
        long lines = Files.readAllLines(checkpoint).size() - 1;
        assertTrue(lines >= 6, lines + " images in the checkpoint");

        AtomicInteger reads = new AtomicInteger();
        EvaluationResults resumed = run(request, "r.json", set.preparer(reads));
        assertEquals(13 - lines, reads.get(), "the resumed run reads only the images not yet done");
        assertEquals(whole.images(), resumed.images());
        assertEquals(whole.failures(), resumed.failures());
        assertEquals(whole.metrics(), resumed.metrics());
        assertEquals(whole.dataset(), resumed.dataset());
        assertEquals(whole.model(), resumed.model());
        assertEquals(whole.preprocessing(), resumed.preprocessing());
        assertEquals((int) lines, resumed.backend().settings().get("resumedImages"));
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void anInterruptedRunReturnsOnlyOnceNoImageIsStillBeingDecoded() throws Exception {
        // A decode that ignores interrupts, as a native JPEG decode does.
        AtomicInteger decoding = new AtomicInteger();
        InputPreparer pattern = set.preparer();
        InputPreparer slow = image -> {
            decoding.incrementAndGet();
            try {
                long until = System.nanoTime() + 150_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return pattern.prepare(image);
            } finally {
                decoding.decrementAndGet();
            }
        };
        try (OrtBackend ort = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            CancellingBackend backend = new CancellingBackend(ort, 1);
            Evaluator evaluator = Evaluator.prepare(request().build(), backend, Clock.systemUTC()).withPreparer(slow);
            backend.evaluator = evaluator;
            assertThrows(EvaluationInterruptedException.class,
                    () -> evaluator.run(dir.resolve("r.json"), EvaluationListener.NONE));
            assertEquals(0, decoding.get(), "images still being decoded after the run returned");
        }
    }

    @Test
    void aCheckpointOfAnotherSubsetIsRefusedAndRestartDiscardsIt() throws Exception {
        EvaluationRequest six = request().limit(6).build();
        try (OrtBackend ort = OrtBackend.open(model, OrtBackend.Options.defaults())) {
            CancellingBackend backend = new CancellingBackend(ort, 1);
            Evaluator evaluator = Evaluator.prepare(six, backend, Clock.systemUTC()).withPreparer(set.preparer());
            backend.evaluator = evaluator;
            assertThrows(EvaluationInterruptedException.class, () -> evaluator.run(dir.resolve("r.json"), EvaluationListener.NONE));
        }
        EvaluationRequest seven = request().limit(7).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(seven, "r.json", set.preparer()));
        assertTrue(e.getMessage().contains("subset: Subset[limit=6"), e.getMessage());
        assertEquals(7, run(seven.toBuilder().restart(true).build(), "r.json", set.preparer()).images().size());
    }

    @Test
    void shardsSplitTheImagesAndRecordWhichOnes() throws Exception {
        EvaluationResults one = run(request().shard(1, 2).build(), "1.json", set.preparer());
        EvaluationResults two = run(request().shard(2, 2).build(), "2.json", set.preparer());
        Set<String> ids = new HashSet<>();
        one.images().forEach(i -> ids.add(i.id()));
        two.images().forEach(i -> assertTrue(ids.add(i.id()), i.id() + " is in both shards"));
        assertEquals(12, ids.size());
        assertEquals(new EvaluationResults.Subset(null, null, 2, 2), two.dataset().subset());
        assertNotEquals(one.dataset().imageIdsSha256(), two.dataset().imageIdsSha256());
        assertEquals(one.dataset().manifestSha256(), two.dataset().manifestSha256());
    }

    @Test
    void aLimitTakesAStratifiedSampleAndRecordsItsSeed() throws Exception {
        EvaluationResults r = run(request().limit(4).seed(7).build(), "r.json", set.preparer());
        assertEquals(4, r.images().size());
        assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(r.images().stream().map(ImageResult::label).toList()));
        assertEquals(new EvaluationResults.Subset(4, 7L, null, null), r.dataset().subset());
    }

    @Test
    void aUint8ModelWithABackgroundClassScoresInTheModelsIndexSpace() throws Exception {
        Path uint8 = TinyOnnx.write(dir.resolve("u8.onnx"), Spec.uint8Nhwc(2, 5));
        SyntheticSet shifted = new SyntheticSet(dir.resolve("shifted"), 5, 12);
        // Model class = dataset class + 1; image "a" of class c is predicted c + 1 (right), "b" is predicted c.
        for (int c = 0; c < 4; c++) {
            shifted.add("a.png", c, c + 1).add("b.png", c, c);
        }
        EvaluationRequest request = EvaluationRequest.builder(uint8, shifted.root()).labels(labels).labelOffset(1)
                .build();
        EvaluationResults r = run(request, "r.json", shifted.uint8Preparer());
        assertEquals(4, r.metrics().top1());
        ImageResult a = r.images().get(0);
        assertEquals(1, a.label());
        assertEquals(1, a.top1());
        assertEquals("uint8 output divided by its sum (quantized softmax)", r.backend().settings().get("scores"));
        assertEquals(1, r.dataset().labels().offset());
        assertEquals(new ClassMetrics(1, "class0", 2, 1, 2), r.metrics().perClass().get(0));
    }
}
