package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;

class InitCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        return new CliRunner(dir.resolve("home")).run(args);
    }

    /** Puts a small real ONNX into the model cache under this file name, recorded as a pull records it. */
    private Path cache(String file) throws Exception {
        ModelCache cache = ModelCache.inHome(dir.resolve("home"));
        Files.createDirectories(cache.dir());
        Path path = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), cache.path(file));
        cache.record(new ManifestEntry(file, "http://127.0.0.1/zoo/" + file, Files.size(path),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))),
                null, null, "2026-01-01T00:00:00Z", false));
        return path;
    }

    @Test
    void aZooModelGetsTheZoosConfigThatThenValidatesWithItsFiles() throws Exception {
        Path out = dir.resolve("b2");
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), Files.createDirectories(out).resolve("model.onnx"));
        CliRunner.Result r = run("mapper", "init", "EfficientNet_B2_224x224_nv12", "--onnx", onnx.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Path file = out.resolve("EfficientNet_B2_config.yaml");
        assertEquals(file + "\n", r.out());
        assertTrue(r.err().contains("calibration folder does not exist") && r.err().contains("rdkzoo mapper calib"), r.err());
        MapperConfig c = MapperConfigReader.read(file);
        assertEquals("./model.onnx", c.get(ConfigKey.ONNX_MODEL));
        assertEquals(6, c.nodeInfo().size());
        assertTrue(Files.readString(file).startsWith("# hb_mapper config for the RDK X5"));

        Path cal = Files.createDirectories(out.resolve("calibration_data_rgb_f32"));
        Files.write(cal.resolve("a.rgb"), new byte[3 * 224 * 224 * 4]);
        CliRunner.Result v = run("mapper", "validate", file.toString());
        assertEquals(ExitCodes.OK, v.exitCode(), v.out());
    }

    @Test
    void anExistingConfigIsKeptUnlessForced() throws Exception {
        cache("mobileone_s0.onnx");
        CliRunner.Result first = run("mapper", "init", "mobileone_s0", "--out", dir.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        Path file = dir.resolve("MobileOne_S0_config.yaml");
        Files.writeString(file, "mine\n");
        CliRunner.Result again = run("mapper", "init", "mobileone_s0", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.err().contains("exists; use --force"), again.err());
        assertEquals("mine\n", Files.readString(file));
        assertEquals(ExitCodes.OK, run("mapper", "init", "mobileone_s0", "--out", dir.toString(), "--force").exitCode());
        assertEquals(32L, MapperConfigReader.read(file).get(ConfigKey.JOBS));
    }

    @Test
    void anOnnxFileGetsItsInputAndTheOptions() throws Exception {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("net.onnx"));
        CliRunner.Result r = run("mapper", "init", onnx.toString(), "--out", dir.toString(), "--calibration-type", "max",
                "--max-percentile", "0.99995", "--per-channel", "--int16", "/conv_head/Conv", "--int16", "/conv_stem/Conv",
                "--optimize-level", "O2", "--mean", "128", "--scale", "0.0078125");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        MapperConfig c = MapperConfigReader.read(dir.resolve("net_config.yaml"));
        assertEquals("data", c.get(ConfigKey.INPUT_NAME));
        assertEquals("max", c.calibrationType());
        assertEquals(0.99995, c.maxPercentile().orElseThrow());
        assertTrue(c.perChannel());
        assertEquals(2, c.nodeInfo().size());
        assertEquals("O2", c.get(ConfigKey.OPTIMIZE_LEVEL));
        assertEquals(128.0, c.get(ConfigKey.MEAN_VALUE));
    }

    @Test
    void optionsThatMakeAnInvalidConfigWriteNothing() throws Exception {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("b2.onnx"));
        CliRunner.Result r = run("mapper", "init", "efficientnet_b2", "--onnx", onnx.toString(), "--out", dir.toString(),
                "--max-percentile", "0.999");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("max_percentile is used only with calibration_type max"), r.err());
        assertTrue(!Files.exists(dir.resolve("EfficientNet_B2_config.yaml")));
    }

    @Test
    void anUnknownModelSuggestsTheNearestCatalogModel() {
        CliRunner.Result r = run("mapper", "init", "efficentnet_b2", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown model 'efficentnet_b2'; did you mean efficientnet_b2"), r.err());
        assertTrue(r.err().contains("(see `rdkzoo models`)"), r.err());
    }

    @Test
    void withoutOnnxTheCachedDownloadIsUsed() throws Exception {
        Path cached = cache("efficientnet_b2.onnx");
        CliRunner.Result r = run("mapper", "init", "EfficientNet_B2_224x224_nv12", "--out", dir.resolve("b2").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("using the cached " + cached), r.err());
        MapperConfig c = MapperConfigReader.read(dir.resolve("b2").resolve("EfficientNet_B2_config.yaml"));
        assertEquals(cached.toString(), c.get(ConfigKey.ONNX_MODEL));
        assertEquals(6, c.nodeInfo().size(), "the zoo's settings, found through the catalog entry's stem");
    }

    @Test
    void withoutOnnxAndNothingCachedItSaysToPullOrPassOne() {
        CliRunner.Result r = run("mapper", "init", "efficientnet_b2", "--out", dir.toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode());
        assertTrue(r.err().contains("run `rdkzoo pull efficientnet_b2 --format onnx`, or pass your ONNX with --onnx PATH"),
                r.err());
        CliRunner.Result none = run("mapper", "init", "googlenet", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("googlenet has no .onnx in the catalog (the zoo publishes none for it): export one "
                + "and pass it with --onnx PATH"), none.err());
        assertTrue(!Files.exists(dir.resolve("EfficientNet_B2_config.yaml")));
    }

    @Test
    void aUserCatalogModelGetsTheX5DefaultsFromItsCachedOnnx() throws Exception {
        Path catalog = Files.writeString(dir.resolve("mine.yaml"), """
                schema: 1
                base_url: http://127.0.0.1/zoo/
                defaults: {input: 224x224, classes: 1000}
                models:
                  - {family: Tiny, bin: Tiny_224x224_nv12.bin, onnx: tiny.onnx}
                """);
        cache("tiny.onnx");
        CliRunner.Result r = run("mapper", "init", "tiny", "--catalog", catalog.toString(), "--out", dir.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        MapperConfig c = MapperConfigReader.read(dir.resolve("Tiny_config.yaml"));
        assertEquals("Tiny_224x224_nv12", c.get(ConfigKey.OUTPUT_MODEL_FILE_PREFIX));
        assertEquals("data", c.get(ConfigKey.INPUT_NAME));
    }

    @Test
    void aNameOfYourOwnWithOnnxIsNotLookedUpButANearCatalogNameIsMentioned() throws Exception {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("net.onnx"));
        CliRunner.Result r = run("mapper", "init", "efficentnet_b2", "--onnx", onnx.toString(), "--out", dir.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("did you mean efficientnet_b2"), r.err());
        assertEquals("efficentnet_b2_224x224_nv12",
                MapperConfigReader.read(dir.resolve("efficentnet_b2_config.yaml")).get(ConfigKey.OUTPUT_MODEL_FILE_PREFIX));
    }

    @Test
    void listShowsTheZooModels() {
        CliRunner.Result r = run("mapper", "init", "--list");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertEquals(53, r.out().lines().count());
        assertTrue(r.out().contains("efficientnet_b2"), r.out());
    }
}
