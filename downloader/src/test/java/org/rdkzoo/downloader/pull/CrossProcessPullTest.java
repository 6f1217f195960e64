package org.rdkzoo.downloader.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.Sha256;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.http.HttpClients;
import org.rdkzoo.downloader.http.HttpDownloader;
import org.rdkzoo.downloader.http.ProxySettings;
import org.rdkzoo.downloader.http.RetryPolicy;
import org.rdkzoo.downloader.testing.FileServer;
import org.rdkzoo.downloader.testing.PullProcess;
import org.rdkzoo.downloader.testing.RecordingListener;

/** Pulls that involve a second JVM: one on the test class path, started with {@link PullProcess}. */
class CrossProcessPullTest {
    static final byte[] FILE = new byte[600_000];

    static {
        new Random(5).nextBytes(FILE);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    Puller puller(ModelCache cache) {
        HttpDownloader d = new HttpDownloader(HttpClients.create("rdkzoo/test", ProxySettings.direct(),
                Duration.ofSeconds(5), Duration.ofSeconds(30)), RetryPolicy.DEFAULT, Clock.systemUTC(),
                x -> Thread.sleep(x.toMillis()), new Random(2));
        return new Puller(cache, d, List.of(), Clock.systemUTC());
    }

    Artifact artifact() {
        return new Artifact(ArtifactFormat.BIN, "m.bin", List.of(server.url("/zoo/m.bin").uri()), null, null, null);
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void twoProcessesPullingTheSameArtifactOneDownloadsTheOtherWaitsAndReusesIt() throws Exception {
        FileServer files = new FileServer(FILE).throttle(400_000); // ~1.5 s in flight
        server.setDispatcher(files);
        ModelCache cache = new ModelCache(dir.resolve("models"));
        Path log = dir.resolve("child.log");
        child = PullProcess.start(cache.dir(), "m.bin", server.url("/zoo/m.bin").uri(), log);
        // Once bytes flow, the child holds the artifact's lock.
        await("the child to start downloading", Duration.ofSeconds(30), () -> size(cache.partPath("m.bin")) > 0);

        RecordingListener listener = new RecordingListener();
        PullResult mine = puller(cache).pull(artifact(), listener);

        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child finishes");
        String childOut = Files.readString(log);
        assertEquals(0, child.exitValue(), childOut);
        assertTrue(childOut.contains("OUTCOME DOWNLOADED " + Sha256.hex(Sha256.newDigest().digest(FILE))), childOut);
        assertEquals(PullResult.Outcome.CACHED, mine.outcome());
        assertTrue(listener.has("waiting m.bin"), listener.events().toString());
        assertEquals(1, server.getRequestCount(), "only the child downloaded");
        assertArrayEquals(FILE, Files.readAllBytes(cache.path("m.bin")));
    }

    @Test
    void aJvmKilledMidDownloadIsResumedByTheNextPullWithIdenticalBytes() throws Exception {
        FileServer files = new FileServer(FILE).throttle(150_000); // ~4 s: plenty of time to kill it mid-body
        server.setDispatcher(files);
        ModelCache cache = new ModelCache(dir.resolve("models"));
        child = PullProcess.start(cache.dir(), "m.bin", server.url("/zoo/m.bin").uri(), dir.resolve("child.log"));
        await("the child to write some bytes", Duration.ofSeconds(30), () -> size(cache.partPath("m.bin")) > 60_000);
        child.destroyForcibly();
        assertExited(child.waitFor(10, TimeUnit.SECONDS));
        long kept = size(cache.partPath("m.bin"));
        assertTrue(kept > 0 && kept < FILE.length, "a partial file is left: " + kept);

        files.throttle(-1);
        PullResult r = puller(cache).pull(artifact(), new RecordingListener());

        assertEquals(PullResult.Outcome.DOWNLOADED, r.outcome());
        assertArrayEquals(FILE, Files.readAllBytes(cache.path("m.bin")));
        assertEquals(Sha256.hex(Sha256.newDigest().digest(FILE)), r.sha256());
        RecordedRequest first = server.takeRequest();
        RecordedRequest resumed = server.takeRequest();
        assertEquals(null, first.getHeaders().get("Range"));
        assertEquals("bytes=" + kept + "-", resumed.getHeaders().get("Range"));
        assertEquals("\"v1\"", resumed.getHeaders().get("If-Range"));
        assertEquals(2, server.getRequestCount());
    }

    private static void assertExited(boolean exited) {
        assertTrue(exited, "the killed JVM exits");
    }
}
