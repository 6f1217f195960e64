package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.bench.BenchLoop;
import org.rdkzoo.runtime.bench.BenchResult;
import org.rdkzoo.runtime.bench.ModelBenchmark;
import org.rdkzoo.runtime.testing.Gcc;

/**
 * Against a real libdnn: runs only on a board (or wherever {@code RDKZOO_LIBDNN} points at a libdnn), and with
 * {@code RDKZOO_BIN} naming a real {@code .bin} for the inference tests. Elsewhere each test is skipped with
 * its reason.
 */
class RealBoardTest {
    private static final Path BOARD_HEADER = Path.of("/usr/include/dnn/hb_dnn.h");
    private static Libdnn libdnn;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireLibdnn() {
        String library = System.getenv(LibdnnLocator.ENV_VAR);
        assumeTrue(library != null && !library.isBlank(), "RDKZOO_LIBDNN is not set: skipping the tests against a "
                + "real libdnn (on an RDK X5: RDKZOO_LIBDNN=/usr/lib/libdnn.so RDKZOO_BIN=model.bin mvn test)");
        libdnn = Libdnn.locate(null, System.getenv());
        System.out.println("RealBoardTest: " + libdnn + ", hbDNNGetErrorDesc: " + libdnn.hasErrorDescriptions());
    }

    @Test
    void theLibraryReportsItsVersion() {
        assertFalse(libdnn.version().isBlank());
        assertFalse(libdnn.describe(HbDnnStatus.HB_DNN_TIMEOUT.code()).isBlank());
    }

    @Test
    void theBoardHeaderHasTheLayoutRdkzooMaps() throws Exception {
        assumeTrue(Files.isRegularFile(BOARD_HEADER), BOARD_HEADER + " not found: skipping the layout check");
        Path source = Files.writeString(dir.resolve("hb_dnn_layout_probe.c"), AbiLayout.probeSource());
        Path probe = dir.resolve("hb_dnn_layout_probe");
        Gcc.run(List.of("-o", probe.toString(), source.toString()));
        assertEquals(List.of(), AbiLayout.compare(Gcc.output(probe)));
    }

    @Test
    void aRealModelRunsAndItsOutputsAreFinite() {
        Path bin = realModel();
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            ModelDescription d = model.describe();
            System.out.println("RealBoardTest: " + model.modelNames() + " inputs " + d.inputs() + " outputs "
                    + d.outputs());
            for (var input : d.inputs()) {
                if (input.properties().type().isImage()) {
                    session.setInput(input.index(), new byte[input.properties().denseByteSize()]);
                } else {
                    session.setInput(input.index(), new float[Math.toIntExact(input.properties().elementCount())]);
                }
            }
            session.run(Duration.ofSeconds(10));
            for (var output : d.outputs()) {
                if (!output.properties().type().isImage()) {
                    for (float v : session.output(output.index())) {
                        assertTrue(Float.isFinite(v), output + " holds " + v);
                    }
                }
            }
        }
    }

    @Test
    void theBenchLoopMeasuresARealModel() throws Exception {
        Path bin = realModel();
        try (BpuModel model = libdnn.loadModel(bin)) {
            BenchResult result = ModelBenchmark.run(model, model.modelNames().get(0),
                    new ModelBenchmark.Options(50, 5, List.of(1, 2), Duration.ofSeconds(10), 1),
                    BenchLoop.withSystemClock());
            System.out.println("RealBoardTest: " + result);
            assertTrue(result.latency().meanMs() > 0);
        }
    }

    private static Path realModel() {
        String bin = System.getenv("RDKZOO_BIN");
        assumeTrue(bin != null && Files.isRegularFile(Path.of(bin)),
                "RDKZOO_BIN does not name a .bin file: skipping the inference tests on the board");
        return Path.of(bin);
    }
}
