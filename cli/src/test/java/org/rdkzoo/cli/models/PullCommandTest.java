package org.rdkzoo.cli.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.evaluator.json.Json;

/** pull, info, verify and {@link ZooModels} through the real command line, against a loopback server. */
class PullCommandTest {
    static final byte[] BIN = bytes(70_000, 1);
    static final byte[] ONNX = bytes(50_000, 2);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    Path catalog;
    CliRunner cli;

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @BeforeEach
    void setUp() throws IOException {
        Map<String, byte[]> files = Map.of("/zoo/Tiny_224x224_nv12.bin", BIN, "/zoo/tiny.onnx", ONNX);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                byte[] body = files.get(request.getUrl().encodedPath());
                if (body == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                return new MockResponse.Builder().setHeader("ETag", "\"t1\"").body(new Buffer().write(body)).build();
            }
        });
        catalog = writeCatalog("");
        cli = new CliRunner(home).env("RDKZOO_CATALOG", catalog.toString());
    }

    Path writeCatalog(String binExtra) throws IOException {
        return Files.writeString(home.resolve("zoo.yaml"), """
                base_url: %s
                defaults: {input: 224x224, classes: 1000}
                models:
                  - {family: Tiny, bin: {file: Tiny_224x224_nv12.bin%s}, onnx: tiny.onnx, float_top1: 70.1}
                """.formatted(server.url("/zoo/"), binExtra));
    }

    Path cached(String file) {
        return home.resolve("models").resolve(file);
    }

    @Test
    void pullPrintsThePathOnStdoutProgressOnStderrAndReusesTheCache() throws Exception {
        CliRunner.Result r = cli.run("pull", "tiny");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(cached("Tiny_224x224_nv12.bin") + System.lineSeparator(), r.out());
        assertTrue(r.err().contains("Tiny_224x224_nv12.bin: 70000 bytes, sha256 " + sha(BIN)), r.err());
        assertTrue(r.err().contains("1 file: 1 downloaded, 0 already cached"), r.err());
        assertArrayEquals(BIN, Files.readAllBytes(cached("Tiny_224x224_nv12.bin")));
        RecordedRequest req = server.takeRequest();
        assertTrue(req.getHeaders().get("User-Agent").startsWith("rdkzoo/"), req.getHeaders().toString());
        assertFalse(req.getHeaders().get("User-Agent").contains("unknown"));

        CliRunner.Result again = cli.run("pull", "TINY_224X224_NV12", "--quiet");
        assertEquals(ExitCodes.OK, again.exitCode());
        assertEquals(r.out(), again.out());
        assertEquals("", again.err(), "--quiet prints nothing when all went well");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void formatAllPullsBothArtifactsInParallelJobs() throws Exception {
        CliRunner.Result r = cli.run("pull", "tiny", "--format", "all", "--jobs", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count());
        assertArrayEquals(ONNX, Files.readAllBytes(cached("tiny.onnx")));
        JsonNode manifest = Json.mapper().readTree(cached("manifest.json").toFile());
        assertEquals(sha(ONNX), manifest.get("artifacts").get("tiny.onnx").get("sha256").asText());
        assertEquals(server.url("/zoo/tiny.onnx").toString(),
                manifest.get("artifacts").get("tiny.onnx").get("url").asText());
    }

    @Test
    void dirChoosesTheCacheFolderForPullModelsAndVerify() throws Exception {
        Path other = home.resolve("elsewhere");
        CliRunner.Result r = cli.run("pull", "tiny", "--dir", other.toString());
        assertEquals(other.resolve("Tiny_224x224_nv12.bin").toAbsolutePath() + System.lineSeparator(), r.out());
        assertTrue(Files.exists(other.resolve("manifest.json")));
        assertFalse(Files.exists(cached("Tiny_224x224_nv12.bin")));
        String row = cli.run("models", "--family", "tiny", "--dir", other.toString()).out().lines().skip(1)
                .findFirst().orElseThrow();
        assertTrue(row.endsWith("bin"), row);
        assertTrue(cli.run("models", "--family", "tiny").out().lines().skip(1).findFirst().orElseThrow().endsWith("-"));
        assertEquals(ExitCodes.OK, cli.run("verify", "tiny", "--dir", other.toString()).exitCode());
    }

    @Test
    void offlineFailsWithExit5ForAFileNotInTheCache() {
        CliRunner.Result r = cli.run("pull", "tiny", "--offline");
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Tiny_224x224_nv12.bin is not in the cache"), r.err());
        assertTrue(r.err().contains("--offline forbids downloading it"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aPinnedChecksumMismatchExitsWith4AndLeavesNothing() throws Exception {
        String wrong = "e".repeat(64);
        writeCatalog(", sha256: " + wrong);
        CliRunner.Result r = cli.run("pull", "tiny");
        assertEquals(ExitCodes.INTEGRITY, r.exitCode(), r.err());
        assertTrue(r.err().contains("SHA-256 mismatch: expected " + wrong + ", found " + sha(BIN)), r.err());
        assertFalse(Files.exists(cached("Tiny_224x224_nv12.bin")));
        assertFalse(Files.exists(cached("Tiny_224x224_nv12.bin.part")));
    }

    @Test
    void aServerErrorExitsWith1AndShowsUrlDestinationAndCurl() throws Exception {
        Files.writeString(catalog, Files.readString(catalog).replace("Tiny_224x224_nv12.bin", "Gone_224x224_nv12.bin"));
        CliRunner.Result r = cli.run("pull", "gone");
        assertEquals(ExitCodes.FAILURE, r.exitCode());
        String url = server.url("/zoo/Gone_224x224_nv12.bin").toString();
        assertTrue(r.err().contains("could not download Gone_224x224_nv12.bin:"), r.err());
        assertTrue(r.err().contains(url + ": HTTP 404"), r.err());
        assertTrue(r.err().contains("destination: " + cached("Gone_224x224_nv12.bin")), r.err());
        assertTrue(r.err().contains("curl -fL -C - -o '" + cached("Gone_224x224_nv12.bin.part") + "' '" + url + "'"),
                r.err());
    }

    @Test
    void mirrorsAreTriedFirst() throws Exception {
        CliRunner.Result r = cli.run("pull", "tiny", "--mirror", server.url("/mirror/").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("/mirror/Tiny_224x224_nv12.bin", server.takeRequest().getUrl().encodedPath());
        assertEquals("/zoo/Tiny_224x224_nv12.bin", server.takeRequest().getUrl().encodedPath());
        assertTrue(r.err().contains("trying the next URL"), r.err());
    }

    @Test
    void badSelectionsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli.run("pull").exitCode());
        CliRunner.Result unknown = cli.run("pull", "tinny");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown model 'tinny'; did you mean tiny?"), unknown.err());
        CliRunner.Result noOnnx = cli.run("pull", "resnet18", "--format", "onnx");
        assertEquals(ExitCodes.USAGE, noOnnx.exitCode());
        assertTrue(noOnnx.err().contains("resnet18 has no .onnx in the catalog"), noOnnx.err());
        assertEquals(ExitCodes.USAGE, cli.run("pull", "tiny", "--jobs", "0").exitCode());
        CliRunner.Result proxy = cli.run("pull", "tiny", "--proxy", "socks5://p:1080");
        assertEquals(ExitCodes.USAGE, proxy.exitCode());
        assertTrue(proxy.err().contains("--proxy must be an http:// proxy URL"), proxy.err());
        assertEquals(ExitCodes.USAGE, cli.run("pull", "tiny", "--mirror", "ftp://x/").exitCode());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void infoShowsEveryFieldAndTheVerifiedCacheState() throws Exception {
        cli.run("pull", "tiny");
        CliRunner.Result r = cli.run("info", "Tiny_224x224_nv12.bin");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Tiny (tiny)"), r.out());
        assertTrue(r.out().matches("(?s).*float Top-1: +70.1 %.*"), r.out());
        assertTrue(r.out().matches("(?s).*quant Top-1: +\\(not published\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*state: +cached, verified.*"), r.out());
        assertTrue(r.out().contains(sha(BIN)), r.out());
        assertTrue(r.out().matches("(?s).*onnx: tiny.onnx.*state: +not cached.*"), r.out());

        JsonNode json = Json.mapper().readTree(cli.run("info", "tiny", "--format", "json").out());
        assertEquals("cached, verified", json.get("bin").get("cache").get("state").asText());
        assertEquals(70000, json.get("bin").get("cache").get("size").asLong());
        assertEquals("not cached", json.get("onnx").get("cache").get("state").asText());
        assertEquals(70.1, json.get("published").get("float_top1").asDouble());
    }

    @Test
    void infoOfAnEmbeddedModelNeedsNoNetworkAndUnknownNamesGetSuggestions() {
        CliRunner.Result r = new CliRunner(home).run("info", "EfficientNet_B3_224x224_nv12");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("source:"), r.out());
        assertTrue(r.out().contains("timm efficientnet_b3"), r.out());
        CliRunner.Result bad = new CliRunner(home).run("info", "efficientnet_b5");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("did you mean efficientnet_b2"), bad.err());
    }

    @Test
    void verifyPassesThenFlagsChangedMissingAndNeverPulledFilesWithExit4() throws Exception {
        cli.run("pull", "tiny", "--format", "all");
        CliRunner.Result ok = cli.run("verify");
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        String okLine = "OK +Tiny_224x224_nv12.bin +70000 +" + sha(BIN);
        assertTrue(ok.out().lines().anyMatch(l -> l.matches(okLine)), ok.out());
        assertTrue(ok.err().contains("2 files checked, all intact"), ok.err());

        Files.write(cached("Tiny_224x224_nv12.bin"), bytes(70_000, 9));
        Files.delete(cached("tiny.onnx"));
        CliRunner.Result bad = cli.run("verify");
        assertEquals(ExitCodes.INTEGRITY, bad.exitCode());
        assertTrue(bad.out().lines().anyMatch(l -> l.startsWith("CHANGED  Tiny_224x224_nv12.bin")), bad.out());
        assertTrue(bad.out().lines().anyMatch(l -> l.startsWith("MISSING  tiny.onnx")), bad.out());
        assertTrue(bad.err().contains("2 with problems"), bad.err());

        JsonNode json = Json.mapper().readTree(cli.run("verify", "resnet18", "--format", "json").out());
        assertEquals("not_cached", json.get(0).get("status").asText());
        assertEquals(ExitCodes.INTEGRITY, cli.run("verify", "resnet18").exitCode());
    }

    @Test
    void zooModelsResolvesNamesAndCachedPathsForOtherCommands() {
        CliContext context = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()),
                Map.of("RDKZOO_HOME", home.toString(), "RDKZOO_CATALOG", catalog.toString()),
                java.time.Clock.systemUTC(), false);
        ZooModels zoo = new ZooOptions().open(context);
        assertEquals("EfficientNet", zoo.resolve("efficientnet_b2").family());
        CliException notCached = assertThrows(CliException.class, () -> zoo.cachedPath("tiny", ArtifactFormat.ONNX));
        assertEquals(ExitCodes.UNAVAILABLE, notCached.exitCode());
        assertTrue(notCached.getMessage().endsWith("run `rdkzoo pull tiny --format onnx`"), notCached.getMessage());
        CliException unknown = assertThrows(CliException.class, () -> zoo.resolve("efficientnet_b9"));
        assertEquals(ExitCodes.USAGE, unknown.exitCode());

        cli.run("pull", "tiny", "--format", "onnx");
        assertEquals(cached("tiny.onnx"), zoo.cachedPath("tiny", ArtifactFormat.ONNX));
        CliException noOnnx = assertThrows(CliException.class, () -> zoo.cachedPath("resnet18", ArtifactFormat.ONNX));
        assertEquals(ExitCodes.USAGE, noOnnx.exitCode());
    }
}
