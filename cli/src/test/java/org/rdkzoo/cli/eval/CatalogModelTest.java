package org.rdkzoo.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.PngSet;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** {@code --model NAME}: which cached artifact a catalog name means for eval and bench, and what when it is absent. */
class CatalogModelTest {
    private static final int CLASSES = 5;

    @TempDir
    Path dir;

    private CliRunner cli;
    private ModelCache cache;
    private Path onnx;
    private Path bin;
    private String data;
    private String labels;
    private String libdnn;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("home"));
        cache = ModelCache.inHome(dir.resolve("home"));
        Files.createDirectories(cache.dir());
        onnx = record(TinyOnnx.write(cache.path("efficientnet_b2.onnx"), TinyOnnx.Spec.floatLogits(8, CLASSES)));
        bin = record(StandInModel.classifier("EfficientNet_B2_224x224_nv12", 8, 8, CLASSES)
                .writeTo(cache.path("EfficientNet_B2_224x224_nv12.bin")));
        data = PngSet.of(dir.resolve("data"), 4, CLASSES).root().toString();
        labels = PngSet.labelMap(dir.resolve("labels.txt"), CLASSES).toString();
        libdnn = LibdnnStandIn.library().toString();
    }

    /** Records a file in the cache's manifest, as a pull does. */
    private Path record(Path file) throws Exception {
        String name = file.getFileName().toString();
        cache.record(new ManifestEntry(name, "http://127.0.0.1/zoo/" + name, Files.size(file), Sha256.of(file), null,
                null, "2026-01-01T00:00:00Z", false));
        return file;
    }

    private EvaluationResults eval(String model, String... more) throws Exception {
        Path out = dir.resolve("r" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("eval", "--model", model, "--data", data, "--labels", labels,
                "--libdnn", libdnn, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        return ResultsFiles.read(out);
    }

    @Test
    void anIdMeansTheCachedOnnxAndTheBinsNameOrBpuTheCachedBin() throws Exception {
        EvaluationResults byId = eval("efficientnet_b2");
        assertEquals("onnxruntime", byId.backend().kind());
        assertEquals(onnx.toString(), byId.model().path());
        assertEquals("efficientnet_b2", byId.model().catalogId());

        EvaluationResults withBpu = eval("efficientnet_b2", "--bpu");
        assertEquals("bpu", withBpu.backend().kind());
        assertEquals(bin.toString(), withBpu.model().path());
        assertEquals("efficientnet_b2", withBpu.model().catalogId());

        for (String name : List.of("EfficientNet_B2_224x224_nv12", "efficientnet_b2_224x224_nv12.bin")) {
            EvaluationResults byBinName = eval(name);
            assertEquals("bpu", byBinName.backend().kind(), name);
            assertEquals("efficientnet_b2", byBinName.model().catalogId(), name);
        }
        EvaluationResults byOnnxName = eval("efficientnet_b2.onnx");
        assertEquals("onnxruntime", byOnnxName.backend().kind());
    }

    @Test
    void benchTimesTheCachedBinOfAnIdAndRecordsTheId() throws Exception {
        CliRunner.Result r = cli.run("bench", "--model", "efficientnet_b2", "--libdnn", libdnn, "--frames", "4",
                "--threads", "1", "--warmup", "0", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        BenchResults b = Json.mapper().readValue(r.out(), BenchResults.class);
        assertEquals("efficientnet_b2", b.model().catalogId());
        assertEquals(bin.toString(), b.model().path());
    }

    @Test
    void aCatalogModelNotInTheCacheNamesThePullThatFetchesIt() {
        CliRunner.Result board = cli.run("eval", "--model", "efficientnet_b3", "--bpu", "--data", data);
        assertEquals(ExitCodes.UNAVAILABLE, board.exitCode(), board.err());
        assertTrue(board.err().contains("EfficientNet_B3_224x224_nv12.bin is not in the cache"), board.err());
        assertTrue(board.err().contains("run `rdkzoo pull efficientnet_b3`"), board.err());
        CliRunner.Result pc = cli.run("eval", "--model", "efficientnet_b3", "--data", data);
        assertEquals(ExitCodes.UNAVAILABLE, pc.exitCode(), pc.err());
        assertTrue(pc.err().contains("run `rdkzoo pull efficientnet_b3 --format onnx`"), pc.err());
    }

    @Test
    void anUnknownNameGetsSuggestionsAndAModelWithoutOnnxPointsAtBpu() {
        CliRunner.Result typo = cli.run("eval", "--model", "efficientnet_b22", "--data", data);
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo.err());
        assertTrue(typo.err().contains("no such model file or catalog model: efficientnet_b22; did you mean "
                + "efficientnet_b2"), typo.err());
        CliRunner.Result noOnnx = cli.run("eval", "--model", "googlenet", "--data", data);
        assertEquals(ExitCodes.USAGE, noOnnx.exitCode(), noOnnx.err());
        assertTrue(noOnnx.err().contains("googlenet has no .onnx in the catalog (the zoo publishes none for it): add "
                + "--bpu to evaluate its .bin on the board"), noOnnx.err());
    }
}
