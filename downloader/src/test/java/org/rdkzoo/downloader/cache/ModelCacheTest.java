package org.rdkzoo.downloader.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;

class ModelCacheTest {
    @TempDir
    Path home;

    ModelCache cache;
    final CatalogEntry b2 = Catalog.embedded().resolve("efficientnet_b2");
    final byte[] bytes = "not really a model, but bytes all the same".getBytes();

    @BeforeEach
    void setUp() {
        cache = ModelCache.inHome(home);
    }

    void put(String file, byte[] content) throws IOException, InterruptedException {
        Files.createDirectories(cache.dir());
        Files.write(cache.path(file), content);
        cache.record(new ManifestEntry(file, "http://h/" + file, content.length,
                Sha256.hex(Sha256.newDigest().digest(content)), "\"e\"", null, "2026-05-01T08:00:00Z", false));
    }

    @Test
    void layoutIsModelsFolderWithManifestPartsAndLocks() {
        assertEquals(home.resolve("models").toAbsolutePath(), cache.dir());
        assertEquals(cache.dir().resolve("manifest.json"), cache.manifestPath());
        assertEquals(cache.dir().resolve("x.bin.part"), cache.partPath("x.bin"));
        assertEquals(cache.dir().resolve(".locks/x.bin.lock"), cache.lockPath("x.bin"));
    }

    @Test
    void requireReturnsTheRecordedFileOrSaysWhichPullFetchesIt() throws Exception {
        NotCachedException missing = assertThrows(NotCachedException.class, () -> cache.require(b2, ArtifactFormat.BIN));
        assertTrue(missing.getMessage().startsWith("EfficientNet_B2_224x224_nv12.bin is not in the cache ("),
                missing.getMessage());
        assertTrue(missing.getMessage().endsWith(": run `rdkzoo pull efficientnet_b2`"), missing.getMessage());
        NotCachedException onnx = assertThrows(NotCachedException.class, () -> cache.require(b2, ArtifactFormat.ONNX));
        assertTrue(onnx.getMessage().endsWith("run `rdkzoo pull efficientnet_b2 --format onnx`"), onnx.getMessage());

        put("EfficientNet_B2_224x224_nv12.bin", bytes);
        assertEquals(cache.path("EfficientNet_B2_224x224_nv12.bin"), cache.require(b2, ArtifactFormat.BIN));

        CatalogEntry googlenet = Catalog.embedded().resolve("googlenet");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> cache.require(googlenet, ArtifactFormat.ONNX));
        assertEquals("googlenet has no .onnx artifact in the catalog (the zoo publishes no ONNX for it)",
                none.getMessage());
    }

    @Test
    void aFileCopiedInByHandIsNotTrusted() throws Exception {
        Files.createDirectories(cache.dir());
        Files.write(cache.path("EfficientNet_B2_224x224_nv12.bin"), bytes);
        NotCachedException e = assertThrows(NotCachedException.class, () -> cache.require(b2, ArtifactFormat.BIN));
        assertTrue(e.getMessage().contains("not recorded in its manifest"), e.getMessage());
    }

    @Test
    void stateReportsPresenceRecordAndPartialBytesWithoutHashing() throws Exception {
        Artifact bin = b2.bin();
        ArtifactState none = cache.state(bin);
        assertFalse(none.present());
        assertEquals(-1, none.partialBytes());
        Files.createDirectories(cache.dir());
        Files.write(cache.partPath(bin.file()), new byte[123]);
        assertEquals(123, cache.state(bin).partialBytes());
        put(bin.file(), bytes);
        ArtifactState s = cache.state(bin);
        assertTrue(s.present() && s.usable());
        assertEquals(bytes.length, s.sizeOnDisk());
    }

    @Test
    void verifyFindsUnchangedChangedAndMissingFiles() throws Exception {
        put("a.bin", bytes);
        put("b.bin", bytes);
        put("c.bin", bytes);
        Files.write(cache.path("b.bin"), "tampered".getBytes());
        Files.delete(cache.path("c.bin"));
        assertEquals(VerifyResult.Status.OK, cache.verify("a.bin", null).status());
        VerifyResult changed = cache.verify("b.bin", null);
        assertEquals(VerifyResult.Status.CHANGED, changed.status());
        assertTrue(changed.detail().startsWith("expected " + bytes.length + " bytes, sha256 "), changed.detail());
        assertEquals(Sha256.of(cache.path("b.bin")), changed.actualSha());
        assertEquals(VerifyResult.Status.MISSING, cache.verify("c.bin", null).status());
        assertEquals(VerifyResult.Status.NOT_CACHED, cache.verify("d.bin", null).status());
    }

    @Test
    void verifyFlagsARecordThatContradictsANewlyPinnedChecksum() throws Exception {
        put("a.bin", bytes);
        Artifact pinned = new Artifact(ArtifactFormat.BIN, "a.bin", b2.bin().urls(), "f".repeat(64), null, null);
        VerifyResult r = cache.verify("a.bin", pinned);
        assertEquals(VerifyResult.Status.CHANGED, r.status());
        assertTrue(r.detail().startsWith("the catalog pins sha256 " + "f".repeat(64)), r.detail());
        assertFalse(cache.state(pinned).usable(), "a pull would fetch it again");
    }

    @Test
    void aDamagedManifestIsReportedWithLineAndColumn() throws Exception {
        Files.createDirectories(cache.dir());
        Files.writeString(cache.manifestPath(), "{\n  \"schema\": 1,\n  \"artifacts\": {\n    \"a.bin\": {\"size\": oops\n");
        IOException e = assertThrows(IOException.class, () -> cache.manifest());
        assertTrue(e.getMessage().startsWith(cache.manifestPath() + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("the cache manifest is damaged"), e.getMessage());
    }

    @Test
    void manifestRoundTripsAndForgets() throws Exception {
        put("a.bin", bytes);
        put("b.bin", bytes);
        cache.forget("a.bin");
        assertEquals(java.util.Set.of("b.bin"), cache.manifest().keySet());
        String json = Files.readString(cache.manifestPath());
        assertTrue(json.contains("\"recorded_at\" : \"2026-05-01T08:00:00Z\""), json);
        assertTrue(json.contains("\"schema\" : 1"), json);
    }
}
