package org.rdkzoo.evaluator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.provenance.Provenance;

class BenchFilesTest {
    @TempDir
    Path dir;

    /** A bench of EfficientNet-B2 with the zoo's published figures (3.31 ms, 10.51 ms, 376.77 FPS). */
    public static BenchResults sample(String sha256) {
        return new BenchResults(BenchResults.FORMAT,
                new BenchResults.Model("EfficientNet_B2_224x224_nv12.bin", sha256, "EfficientNet_B2_224x224_nv12",
                        "efficientnet_b2"),
                new BenchResults.Run(1, 1000, 302.1, new BenchResults.Latency(3.31, 3.29, 3.6, 3.2, 4.1)),
                new BenchResults.Run(4, 4000, 376.77, new BenchResults.Latency(10.51, 10.4, 12.2, 9.8, 14.0)),
                "1.24.5", Provenance.start(ResultsFixtures.CLOCK, List.of("bench"), Map.of("libdnn", "1.24.5"))
                        .finish(ResultsFixtures.CLOCK));
    }

    @Test
    void writtenBenchResultsReadBackEqual() throws IOException {
        BenchResults b = sample("cc33");
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
