package org.rdkzoo.downloader.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.NotCachedException;
import org.rdkzoo.downloader.cache.Sha256;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.http.ChecksumMismatchException;
import org.rdkzoo.downloader.http.HttpClients;
import org.rdkzoo.downloader.http.HttpDownloader;
import org.rdkzoo.downloader.http.ProxySettings;
import org.rdkzoo.downloader.http.RetryPolicy;
import org.rdkzoo.downloader.testing.FakeTime;
import org.rdkzoo.downloader.testing.FileServer;
import org.rdkzoo.downloader.testing.RecordingListener;

class PullerTest {
    static final byte[] FILE = new byte[200_000];

    static {
        new Random(11).nextBytes(FILE);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    final FakeTime time = new FakeTime();
    final RecordingListener listener = new RecordingListener();
    FileServer files;
    ModelCache cache;

    @BeforeEach
    void setUp() {
        files = new FileServer(FILE);
        server.setDispatcher(files);
        cache = new ModelCache(dir.resolve("models"));
    }

    Puller puller(List<URI> mirrors) {
        HttpDownloader d = new HttpDownloader(HttpClients.create("rdkzoo/test", ProxySettings.direct(),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), RetryPolicy.DEFAULT, time, time, new Random(3));
        return new Puller(cache, d, mirrors, time);
    }

    Artifact artifact(String file, String sha) {
        return new Artifact(ArtifactFormat.BIN, file, List.of(server.url("/zoo/" + file).uri()), sha, null, null);
    }

    static String sha(byte[] b) {
        return Sha256.hex(Sha256.newDigest().digest(b));
    }

    @Test
    void firstPullDownloadsAndRecordsThenLaterPullsUseNoNetwork() throws Exception {
        PullResult first = puller(List.of()).pull(artifact("m.bin", null), listener);
        assertEquals(PullResult.Outcome.DOWNLOADED, first.outcome());
        ManifestEntry e = cache.recorded("m.bin").orElseThrow();
        assertEquals(server.url("/zoo/m.bin").toString(), e.url());
        assertEquals(FILE.length, e.size());
        assertEquals(sha(FILE), e.sha256());
        assertEquals("\"v1\"", e.etag());
        assertEquals("2026-05-01T08:00:00Z", e.recordedAt());
        assertFalse(e.pinned(), "nothing was pinned: the digest was recorded on first download");

        PullResult second = puller(List.of()).pull(artifact("m.bin", null), listener);
        assertEquals(PullResult.Outcome.CACHED, second.outcome());
        assertEquals(sha(FILE), second.sha256());
        assertEquals(1, server.getRequestCount());
        assertTrue(listener.has("cached m.bin " + FILE.length));
    }

    @Test
    void twoThreadsPullingTheSameArtifactDownloadItOnce() throws Exception {
        files.throttle(400_000); // ~0.5 s in flight, so the second thread finds the lock taken
        Puller puller = puller(List.of());
        List<Future<PullResult>> results = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> puller.pull(artifact("m.bin", null), listener)));
            }
            List<PullResult.Outcome> outcomes = new ArrayList<>();
            for (Future<PullResult> f : results) {
                PullResult r = f.get(30, TimeUnit.SECONDS);
                assertEquals(sha(FILE), r.sha256());
                outcomes.add(r.outcome());
            }
            assertTrue(outcomes.contains(PullResult.Outcome.DOWNLOADED) && outcomes.contains(PullResult.Outcome.CACHED),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(listener.has("waiting m.bin"), listener.events().toString());
        assertArrayEquals(FILE, Files.readAllBytes(cache.path("m.bin")));
    }

    @Test
    void jobsDownloadInParallel() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(3);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allArrived.countDown();
                allArrived.await(5, TimeUnit.SECONDS); // only returns early if three requests are in flight
                inFlight.decrementAndGet();
                return files.serveFile(request);
            }
        });
        List<Artifact> three = List.of(artifact("a.bin", null), artifact("b.bin", null), artifact("c.bin", null));
        List<PullResult> results = puller(List.of()).pullAll(three, 3, listener);
        assertEquals(3, most.get(), "three downloads were in flight at once");
        assertEquals(List.of("a.bin", "b.bin", "c.bin"), results.stream().map(r -> r.artifact().file()).toList());
        results.forEach(r -> assertEquals(PullResult.Outcome.DOWNLOADED, r.outcome()));
    }

    @Test
    void oneFailureDoesNotStopTheOthersAndDuplicatesArePulledOnce() throws Exception {
        files.then(r -> r.getUrl().encodedPath().endsWith("bad.bin")
                ? new MockResponse.Builder().code(404).build() : files.serveFile(r));
        files.then(r -> r.getUrl().encodedPath().endsWith("bad.bin")
                ? new MockResponse.Builder().code(404).build() : files.serveFile(r));
        List<PullResult> results = puller(List.of()).pullAll(
                List.of(artifact("bad.bin", null), artifact("good.bin", null), artifact("good.bin", null)), 1, listener);
        assertEquals(2, results.size());
        assertEquals(PullResult.Outcome.FAILED, results.get(0).outcome());
        assertTrue(results.get(0).failure().getMessage().contains("HTTP 404"), results.get(0).failure().getMessage());
        assertEquals(PullResult.Outcome.DOWNLOADED, results.get(1).outcome());
        assertTrue(listener.has("failed bad.bin"), listener.events().toString());
    }

    @Test
    void mirrorsAreTriedBeforeTheCatalogUrls() throws Exception {
        files.then(new MockResponse.Builder().code(503).build()); // the mirror is down, for good
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1));
        HttpDownloader d = new HttpDownloader(HttpClients.create("rdkzoo/test", ProxySettings.direct()), once, time, time,
                new Random(1));
        URI mirror = server.url("/mirror/").uri();
        new Puller(cache, d, List.of(mirror), time).pull(artifact("m.bin", null), listener);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals("/mirror/m.bin", first.getUrl().encodedPath());
        assertEquals("/zoo/m.bin", second.getUrl().encodedPath());
        assertEquals(server.url("/zoo/m.bin").toString(), cache.recorded("m.bin").orElseThrow().url());
    }

    @Test
    void offlineServesTheCacheAndFailsClearlyForAnythingMissing() throws Exception {
        puller(List.of()).pull(artifact("m.bin", null), listener);
        Puller offline = Puller.offline(cache, time);
        assertEquals(PullResult.Outcome.CACHED, offline.pull(artifact("m.bin", null), listener).outcome());
        NotCachedException e = assertThrows(NotCachedException.class,
                () -> offline.pull(artifact("other.bin", null), listener));
        assertTrue(e.getMessage().contains("other.bin is not in the cache"), e.getMessage());
        assertTrue(e.getMessage().contains("--offline forbids downloading it"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aCachedFileThatNoLongerMatchesItsRecordIsFetchedAgain() throws Exception {
        puller(List.of()).pull(artifact("m.bin", null), listener);
        Files.write(cache.path("m.bin"), new byte[10]);
        PullResult r = puller(List.of()).pull(artifact("m.bin", null), listener);
        assertEquals(PullResult.Outcome.DOWNLOADED, r.outcome());
        assertArrayEquals(FILE, Files.readAllBytes(cache.path("m.bin")));
        assertTrue(listener.has("restarting m.bin: the cached copy does not match"), listener.events().toString());
    }

    @Test
    void aPinThatDisagreesWithTheServerFailsAndLeavesNothingInTheCache() throws Exception {
        String pin = "1".repeat(64);
        assertThrows(ChecksumMismatchException.class, () -> puller(List.of()).pull(artifact("m.bin", pin), listener));
        assertFalse(Files.exists(cache.path("m.bin")));
        assertFalse(Files.exists(cache.partPath("m.bin")));
        assertTrue(cache.recorded("m.bin").isEmpty());
    }

    @Test
    void aPinnedDownloadIsRecordedAsPinned() throws Exception {
        puller(List.of()).pull(artifact("m.bin", sha(FILE)), listener);
        assertTrue(cache.recorded("m.bin").orElseThrow().pinned());
        assertNull(cache.recorded("m.bin").orElseThrow().lastModified());
    }
}
