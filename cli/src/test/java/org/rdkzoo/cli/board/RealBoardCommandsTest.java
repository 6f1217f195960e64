package org.rdkzoo.cli.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.results.BenchFiles;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.Assets;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.LibdnnLocator;

/**
 * {@code eval} and {@code bench} on a real board: only where {@code RDKZOO_LIBDNN} points at a real libdnn (not the
 * stand-in) and {@code RDKZOO_BIN} names one of the zoo's ImageNet {@code .bin} files; skipped elsewhere, with
 * the reason.
 */
class RealBoardCommandsTest {
    private static String library;
    private static Path bin;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireBoard() {
        library = System.getenv(LibdnnLocator.ENV_VAR);
        assumeTrue(library != null && !library.isBlank(), "RDKZOO_LIBDNN is not set: skipping eval and bench on a real "
                + "board (on an RDK X5: RDKZOO_LIBDNN=/usr/lib/libdnn.so "
                + "RDKZOO_BIN=/opt/hobot/model/x5/basic/EfficientNet_B2_224x224_nv12.bin mvn -B -pl cli -am test)");
        assumeFalse(Libdnn.locate(null, System.getenv()).isStandIn(), "RDKZOO_LIBDNN is rdkzoo's stand-in, not a "
                + "board's libdnn: skipping the real-board command tests");
        String file = System.getenv("RDKZOO_BIN");
        assumeTrue(file != null && Files.isRegularFile(Path.of(file)), "RDKZOO_BIN does not name a .bin file: skipping "
                + "eval and bench of a real model");
        bin = Path.of(file);
    }

    @Test
    void benchTimesTheRealBin() throws Exception {
        Path out = dir.resolve("bench.json");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("bench", "--model", bin.toString(), "--libdnn",
                library, "--frames", "50", "--threads", "1,4", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        BenchResults b = BenchFiles.read(out);
        assertFalse(Libdnn.isStandInVersion(b.libdnnVersion()));
        assertTrue(b.latency().meanMs() > 0 && b.fps() > 0, r.out());
        System.out.println(r.out());
    }

    @Test
    void evalRunsTheRealBinOnRealImagesWellAboveChance() throws Exception {
        Path images = Assets.images("imagenet-sample-images");
        Path out = dir.resolve("board.json");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("eval", "--model", bin.toString(), "--libdnn",
                library, "--data", images.toString(), "--limit", "50", "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        EvaluationResults results = ResultsFiles.read(out);
        assertEquals("bpu", results.backend().kind());
        assertEquals(0, results.failures().size(), results.failures().toString());
        // The zoo's ImageNet classifiers score 65-80% Top-1; chance is 0.1%.
        assertTrue(results.metrics().top1Accuracy() > 0.3, r.out());
        System.out.println(r.out());
    }
}
