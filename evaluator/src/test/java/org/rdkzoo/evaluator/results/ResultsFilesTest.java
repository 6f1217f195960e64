package org.rdkzoo.evaluator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.json.InvalidJsonFileException;
import org.rdkzoo.evaluator.provenance.Provenance;

class ResultsFilesTest {
    @TempDir
    Path dir;

    static EvaluationResults sample() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        var images = List.of(
                new EvaluationResults.ImageResult("a.JPEG", 3, new int[] {3, 1, 2, 0, 4}, new float[] {.5f, .2f, .1f, .1f, .1f}),
                new EvaluationResults.ImageResult("b.JPEG", 1, new int[] {0, 1, 2, 3, 4}, new float[] {.4f, .3f, .1f, .1f, .1f}));
        return new EvaluationResults(EvaluationResults.FORMAT,
                new EvaluationResults.Backend("onnxruntime", Map.of("onnxruntime", "1.29.0"), Map.of("threads", 2)),
                new EvaluationResults.Model("m.onnx", "ab", null, "input", List.of(-1L, 3L, 224L, 224L), 1000),
                new EvaluationResults.Dataset("set", "/d/set", "flat+labels", "cd", 2, null,
                        new EvaluationResults.LabelMap("val.txt", "ef", 0, 1000), "01"),
                PreprocessSpec.oe(),
                new EvaluationResults.Metrics(2, 1, 2, 0.5, 1.0, 0, List.of()),
                images, List.of(new EvaluationResults.Failure("c.JPEG", "not an image")),
                Provenance.start(clock, List.of("eval"), Map.of()).finish(clock));
    }

    @Test
    void writtenResultsReadBackEqual() throws IOException {
        EvaluationResults r = sample();
        Path file = dir.resolve("r.json");
        ResultsFiles.write(file, r);
        assertEquals(r, ResultsFiles.read(file));
    }

    @Test
    void malformedFileIsReportedWithLineAndField() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n \"format\": \"rdkzoo.results/1\",\n \"images\": [ {\"id\": \"x\", \"label\": \"seven\"} ]\n}");
        InvalidJsonFileException e = assertThrows(InvalidJsonFileException.class, () -> ResultsFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("field 'images[0].label'"), e.getMessage());
    }

    @Test
    void imageIdsHashIsTheSortedIdsOnePerLine() {
        assertEquals(org.rdkzoo.evaluator.provenance.Sha256.of("a/1.JPEG\nb.JPEG\n"),
                ImageIds.sha256(List.of("b.JPEG", "a/1.JPEG")));
    }

    @Test
    void fileOfAnotherKindIsRefused() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\": \"something-else\"}");
        IOException e = assertThrows(IOException.class, () -> ResultsFiles.read(file));
        assertTrue(e.getMessage().contains("not an rdkzoo results file"), e.getMessage());
    }
}
