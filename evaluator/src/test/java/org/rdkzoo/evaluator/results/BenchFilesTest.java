package org.rdkzoo.evaluator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenBenchResultsReadBackEqual() throws IOException {
        BenchResults b = ResultsFixtures.bench("cc33");
        Path file = dir.resolve("bench.json");
        BenchFiles.write(file, b);
        assertEquals(b, BenchFiles.read(file));
    }

    @Test
    void aResultsFileGivenAsBenchIsRefusedByItsFormat() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsFiles.write(file, ResultsFilesTest.sample());
        IOException e = assertThrows(IOException.class, () -> BenchFiles.read(file));
        assertEquals(file + ": not an rdkzoo bench file (field 'format' is 'rdkzoo.results/1', expected '"
                + BenchResults.FORMAT + "')", e.getMessage());
    }

    @Test
    void benchWithoutModelIsRefusedNamingTheField() throws IOException {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, "{\"format\": \"rdkzoo.bench/1\"}");
        IOException e = assertThrows(IOException.class, () -> BenchFiles.read(file));
        assertTrue(e.getMessage().contains("field 'model' is missing"), e.getMessage());
    }
}
