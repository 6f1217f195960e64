package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;

class CheckpointTest {
    @TempDir
    Path dir;

    private static CheckpointKey key(String model) {
        return new CheckpointKey("onnxruntime", model, "manifest", "ids", null, null, 0, PreprocessSpec.oe());
    }

    private static ImageOutcome result(String id) {
        return ImageOutcome.of(new ImageResult(id, 1, new int[] {1, 2}, new float[] {0.75f, 0.25f}));
    }

    @Test
    void outcomesWrittenAreReadBackOnResume() throws IOException {
        Path out = dir.resolve("r.json");
        try (Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC())) {
            c.append(List.of(result("a"), ImageOutcome.failed("b", "not an image")));
        }
        try (Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC())) {
            assertEquals(List.of(result("a"), ImageOutcome.failed("b", "not an image")), List.copyOf(c.done().values()));
        }
    }

    @Test
    void aTornLastLineIsDroppedAndTheFileAppendsCleanlyAfter() throws IOException {
        Path out = dir.resolve("r.json");
        try (Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC())) {
            c.append(List.of(result("a")));
        }
        Files.writeString(Checkpoint.pathFor(out), "{\"id\":\"b\",\"lab", StandardOpenOption.APPEND);
        try (Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC())) {
            assertEquals(List.of("a"), List.copyOf(c.done().keySet()));
            c.append(List.of(result("c")));
        }
        try (Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC())) {
            assertEquals(List.of("a", "c"), List.copyOf(c.done().keySet()));
        }
    }

    @Test
    void aCheckpointOfAnotherModelIsRefusedSayingWhatDiffers() throws IOException {
        Path out = dir.resolve("r.json");
        Checkpoint.open(out, key("a".repeat(64)), false, Clock.systemUTC()).close();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Checkpoint.open(out, key("b".repeat(64)), false, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("model (sha256): aaaaaaaaaaaa… then, bbbbbbbbbbbb… now"), e.getMessage());
        assertTrue(e.getMessage().contains("run with --restart"), e.getMessage());
    }

    @Test
    void restartDiscardsTheOldCheckpoint() throws IOException {
        Path out = dir.resolve("r.json");
        try (Checkpoint c = Checkpoint.open(out, key("a"), false, Clock.systemUTC())) {
            c.append(List.of(result("x")));
        }
        try (Checkpoint c = Checkpoint.open(out, key("b"), true, Clock.systemUTC())) {
            assertTrue(c.done().isEmpty());
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsReportedWithItsNumber() throws IOException {
        Path out = dir.resolve("r.json");
        Checkpoint.open(out, key("m"), false, Clock.systemUTC()).close();
        Files.writeString(Checkpoint.pathFor(out), "garbage\n{\"id\":\"a\",\"failure\":\"x\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Checkpoint.open(out, key("m"), false, Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith(Checkpoint.pathFor(out) + ":2: damaged checkpoint line"), e.getMessage());
    }

    @Test
    void completeDeletesTheFile() throws IOException {
        Path out = dir.resolve("r.json");
        Checkpoint c = Checkpoint.open(out, key("m"), false, Clock.systemUTC());
        c.complete();
        assertFalse(Files.exists(Checkpoint.pathFor(out)));
    }
}
