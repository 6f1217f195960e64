package org.rdkzoo.cli.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.BenchFiles;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.evaluator.testing.PngSet;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.runtime.bench.LatencyStats;
import org.rdkzoo.runtime.bench.Throughput;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** {@code rdkzoo bench} on the libdnn stand-in: structure and consistency of what it prints and writes. */
class BenchCommandTest {
    private static final String STANDIN_VERSION = "rdkzoo-standin (libdnn 1.24.5 ABI)";

    @TempDir
    Path dir;

    private CliRunner cli;
    private String libdnn;
    private Path bin;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("home"));
        libdnn = LibdnnStandIn.library().toString();
        // Named as the zoo's file, so the catalog's published figures are shown beside the measurement.
        bin = StandInModel.classifier("EfficientNet_B2_224x224_nv12", 8, 8, 10).delayMicros(300)
                .writeTo(dir.resolve("EfficientNet_B2_224x224_nv12.bin"));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void assertConsistent(LatencyStats l, int frames) {
        assertEquals(frames, l.frames());
        assertTrue(l.minMs() > 0, "the stand-in takes 0.3 ms per inference");
        assertTrue(l.minMs() <= l.p50Ms() && l.p50Ms() <= l.p99Ms() && l.p99Ms() <= l.maxMs(), l.toString());
        assertTrue(l.minMs() <= l.meanMs() && l.meanMs() <= l.maxMs(), l.toString());
    }

    @Test
    void theTablePrintsTheZoosColumnsAndTheFileHoldsTheSameMeasurement() throws Exception {
        Path out = dir.resolve("bench.json");
        CliRunner.Result r = cli.run("bench", "--model", bin.toString(), "--libdnn", libdnn, "--threads", "1,3",
                "--frames", "30", "--warmup", "2", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("is rdkzoo's libdnn stand-in (" + STANDIN_VERSION + "), not the BPU: its figures "
                + "are not board figures"), r.err());

        BenchResults b = BenchFiles.read(out);
        assertEquals(BenchResults.FORMAT, b.format());
        assertEquals("EfficientNet_B2_224x224_nv12", b.model().name());
        assertEquals(bin.toString(), b.model().path());
        assertEquals(Sha256.of(bin), b.model().sha256());
        assertNull(b.model().catalogId(), "a file path is not a catalog id");
        assertEquals(STANDIN_VERSION, b.libdnnVersion());
        assertEquals(STANDIN_VERSION, b.provenance().versions().get("libdnn"));
        assertConsistent(b.latency(), 30);
        assertEquals(List.of(1, 3), b.throughput().stream().map(Throughput::threads).toList());
        for (Throughput t : b.throughput()) {
            assertEquals(30, t.frames());
            assertTrue(t.fps() > 0 && t.wallMs() > 0, t.toString());
            assertTrue(t.threadAverageMs() <= t.threadMaxMs(), t.toString());
            assertEquals(t.frames() / (t.wallMs() / 1000), t.fps(), 1e-6 * t.fps(), "FPS = frames / wall time");
        }
        Throughput many = b.multiThread().orElseThrow();

        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("model    " + bin + " (EfficientNet_B2_224x224_nv12; sha256 "), r.out());
        assertTrue(lines.get(1).endsWith(": rdkzoo's stand-in, not the BPU"), r.out());
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Model")).findFirst().orElseThrow());
        assertEquals(List.of("Model", "Latency 1T (ms)", "Latency MT (ms)", "FPS"),
                List.of(lines.get(header).split(" {2,}")));
        assertEquals(List.of("EfficientNet_B2_224x224_nv12", ms(b.latency().meanMs()),
                ms(many.threadAverageMs()) + " (3 threads)", String.format(Locale.ROOT, "%.2f", many.fps())),
                List.of(lines.get(header + 1).split(" {2,}")));
        assertEquals(List.of("zoo, published (efficientnet_b2)", "3.31", "10.51", "376.77"),
                List.of(lines.get(header + 2).split(" {2,}")), "the catalog's figures, found by the file's name");
        assertTrue(r.out().contains("1 thread: mean " + ms(b.latency().meanMs()) + " ms, p50 " + ms(b.latency().p50Ms())
                + " ms, p99 " + ms(b.latency().p99Ms()) + " ms"), r.out());
        assertTrue(r.out().contains("results  " + out), r.out());
    }

    @Test
    void jsonIsTheBenchDocument() throws Exception {
        CliRunner.Result r = cli.run("bench", "--model", bin.toString(), "--libdnn", libdnn, "--threads", "2",
                "--frames", "8", "--warmup", "0", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        BenchResults b = Json.mapper().readValue(r.out(), BenchResults.class);
        assertEquals(BenchResults.FORMAT, b.format());
        assertConsistent(b.latency(), 8);
        assertEquals(List.of(2), b.throughput().stream().map(Throughput::threads).toList());
        assertEquals(b.multiThread().orElseThrow().fps(), b.fps());
    }

    @Test
    void reportShowsTheBenchsLatencyAndFpsOnTheBoardRow() throws Exception {
        PngSet set = PngSet.of(dir.resolve("data"), 6, 10);
        Path labels = PngSet.labelMap(dir.resolve("labels.txt"), 10);
        Path onnx = TinyOnnx.write(dir.resolve("efficientnet_b2.onnx"), TinyOnnx.Spec.floatLogits(8, 10));
        Path floatOut = dir.resolve("float.json");
        Path boardOut = dir.resolve("board.json");
        Path benchOut = dir.resolve("bench.json");
        String[] common = {"--data", set.root().toString(), "--labels", labels.toString(), "--preprocess", "oe",
            "--quiet"};
        assertEquals(ExitCodes.OK, cli.run(concat(new String[] {"eval", "--model", onnx.toString(), "--nv12",
            "--out", floatOut.toString()}, common)).exitCode());
        assertEquals(ExitCodes.OK, cli.run(concat(new String[] {"eval", "--model", bin.toString(), "--libdnn", libdnn,
            "--out", boardOut.toString()}, common)).exitCode());
        CliRunner.Result bench = cli.run("bench", "--model", bin.toString(), "--libdnn", libdnn, "--frames", "12",
                "--warmup", "1", "--out", benchOut.toString());
        assertEquals(ExitCodes.OK, bench.exitCode(), bench.err());

        CliRunner.Result r = cli.run("report", floatOut.toString(), boardOut.toString(), "--bench",
                benchOut.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        BenchResults b = BenchFiles.read(benchOut);
        Throughput four = b.multiThread().orElseThrow();
        assertEquals(4, four.threads(), "--threads defaults to 1,4");
        String row = r.out().lines().filter(l -> l.contains("| bpu |")).findFirst().orElseThrow(() ->
                new AssertionError(r.out()));
        assertTrue(row.endsWith(String.format(Locale.ROOT, "| %.2f | %.2f (4 threads) | %.2f |", b.latency().meanMs(),
                four.threadAverageMs(), four.fps())), row);
        assertTrue(row.startsWith("| efficientnet\\_b2 | bpu | 8x8 | 10 |"), row);
    }

    @Test
    void impossibleCountsAreUsageErrorsBeforeAnyLibraryIsLoaded() {
        CliRunner.Result zero = cli.run("bench", "--model", bin.toString(), "--frames", "0",
                "--libdnn", dir.resolve("missing.so").toString());
        assertEquals(ExitCodes.USAGE, zero.exitCode(), zero.err());
        assertTrue(zero.err().contains("frames must be at least 1"), zero.err());
        CliRunner.Result many = cli.run("bench", "--model", bin.toString(), "--threads", "1,8", "--frames", "4");
        assertEquals(ExitCodes.USAGE, many.exitCode(), many.err());
        assertTrue(many.err().contains("thread count 8 must be between 1 and the 4 frames"), many.err());
        CliRunner.Result onnx = cli.run("bench", "--model", "efficientnet_b2.onnx", "--libdnn", libdnn);
        assertEquals(ExitCodes.USAGE, onnx.exitCode(), onnx.err());
        assertTrue(onnx.err().contains("efficientnet_b2.onnx is not a .bin: the BPU runs .bin models"), onnx.err());
    }

    @Test
    void withoutLibdnnBenchExits5WithTheWayToPointAtIt() throws Exception {
        Path out = dir.resolve("bench.json");
        CliRunner.Result r = cli.run("bench", "--model", bin.toString(), "--libdnn",
                dir.resolve("libdnn.so").toString(), "--out", out.toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode());
        assertTrue(r.err().startsWith("rdkzoo: error: libdnn not found: this command runs models on the BPU and needs "
                + "an RDK X5 board"), r.err());
        assertFalse(r.err().contains("--verbose"), "one clear message, no stack-trace hint");
        assertFalse(Files.exists(out));
    }

    @Test
    void helpExplainsTheMeasurementAndTheStandIn() {
        CliRunner.Result r = cli.run("bench", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("hrt_model_exec"), r.out());
        assertTrue(r.out().contains("stand-in"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
