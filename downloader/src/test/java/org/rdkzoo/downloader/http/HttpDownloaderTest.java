package org.rdkzoo.downloader.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.downloader.cache.Sha256;
import org.rdkzoo.downloader.testing.FakeTime;
import org.rdkzoo.downloader.testing.FileServer;
import org.rdkzoo.downloader.testing.RecordingListener;

class HttpDownloaderTest {
    static final byte[] FILE = bytes(300_000, 1);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    final FakeTime time = new FakeTime();
    final RecordingListener listener = new RecordingListener();
    final OkHttpClient client = HttpClients.create("rdkzoo/test", ProxySettings.direct(), Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    FileServer files;
    Path target;

    @BeforeEach
    void serve() {
        files = new FileServer(FILE);
        server.setDispatcher(files);
        target = dir.resolve("model.bin");
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) {
        return Sha256.hex(Sha256.newDigest().digest(b));
    }

    HttpDownloader downloader(RetryPolicy policy) {
        return new HttpDownloader(client, policy, time, time, new Random(7));
    }

    HttpDownloader downloader() {
        return downloader(RetryPolicy.DEFAULT);
    }

    DownloadRequest request(String sha, Long size) {
        return new DownloadRequest("model.bin", List.of(server.url("/zoo/model.bin").uri()), target, sha, size);
    }

    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }

    @Test
    void downloadsHashesAndMovesIntoPlaceAskingForIdentityEncoding() throws Exception {
        DownloadResult r = downloader().download(request(sha(FILE), (long) FILE.length), listener);
        assertArrayEquals(FILE, Files.readAllBytes(target));
        assertEquals(sha(FILE), r.sha256());
        assertEquals(FILE.length, r.size());
        assertEquals("\"v1\"", r.etag());
        assertFalse(r.resumed());
        assertFalse(Files.exists(dir.resolve("model.bin.part")));
        assertFalse(Files.exists(dir.resolve("model.bin.part.json")));
        RecordedRequest req = requests().get(0);
        assertEquals("identity", req.getHeaders().get("Accept-Encoding"));
        assertEquals("rdkzoo/test", req.getHeaders().get("User-Agent"));
        assertNull(req.getHeaders().get("Range"));
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void resumesWithRangeAndIfRangeAfterConnectionCut() throws Exception {
        files.cut(120_000, 1);
        DownloadResult r = downloader().download(request(null, null), listener);
        assertArrayEquals(FILE, Files.readAllBytes(target));
        assertEquals(sha(FILE), r.sha256(), "the digest covers the prefix from the first attempt too");
        assertTrue(r.resumed());
        List<RecordedRequest> reqs = requests();
        assertEquals(2, reqs.size());
        long resumedAt = Long.parseLong(reqs.get(1).getHeaders().get("Range").replaceAll("\\D", ""));
        assertTrue(resumedAt > 0 && resumedAt <= 120_000, "resumed at " + resumedAt);
        assertEquals("\"v1\"", reqs.get(1).getHeaders().get("If-Range"));
        assertEquals("identity", reqs.get(1).getHeaders().get("Accept-Encoding"));
        assertEquals(1, time.sleeps().size());
        assertTrue(listener.has("retrying model.bin #1"), listener.events().toString());
        assertTrue(listener.has("started model.bin from " + resumedAt + " of " + FILE.length), listener.events().toString());
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff() throws Exception {
        files.then(new MockResponse.Builder().code(500).build())
                .then(new MockResponse.Builder().code(503).build())
                .then(new MockResponse.Builder().code(502).build());
        downloader().download(request(sha(FILE), null), listener);
        assertArrayEquals(FILE, Files.readAllBytes(target));
        List<Duration> sleeps = time.sleeps();
        assertEquals(3, sleeps.size());
        // Equal jitter: attempt n waits between half and all of base * 2^(n-1).
        for (int i = 0; i < 3; i++) {
            long cap = 1000L << i;
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= cap / 2 && ms <= cap, "sleep " + i + " was " + ms + " ms");
        }
        assertTrue(listener.has("retrying model.bin #2 in"), listener.events().toString());
        assertTrue(listener.events().toString().contains("HTTP 503"), listener.events().toString());
    }

    /** A downloader whose read timeout is 200 ms. */
    private HttpDownloader impatient() {
        OkHttpClient client = HttpClients.create("rdkzoo/test", ProxySettings.direct(), Duration.ofSeconds(5),
                Duration.ofMillis(200));
        return new HttpDownloader(client, RetryPolicy.DEFAULT, time, time, new Random(7));
    }

    @Test
    void retriesAStalledBodyAfterTheReadTimeout() throws Exception {
        files.then(r -> new MockResponse.Builder(files.serveFile(r)).bodyDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        DownloadResult r = impatient().download(request(sha(FILE), null), listener);
        assertEquals(sha(FILE), r.sha256());
        assertEquals(1, time.sleeps().size());
        assertTrue(listener.has("retrying model.bin #1"), listener.events().toString());
        assertTrue(listener.events().toString().contains("timed out"), listener.events().toString());
    }

    @Test
    void aServerThatSendsNoResponseIsCancelledAfterTheReadTimeoutAndRetried() throws Exception {
        files.then(r -> new MockResponse.Builder(files.serveFile(r)).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        DownloadResult r = impatient().download(request(sha(FILE), null), listener);
        assertEquals(sha(FILE), r.sha256());
        assertTrue(listener.events().toString().contains("timed out: nothing received for 200 ms"),
                listener.events().toString());
    }

    @Test
    void aBodyThatFallsSilentMidwayIsCancelledAndResumedFromWhereItStopped() throws Exception {
        // 4 KiB, then a second of silence: longer than the 200 ms read timeout.
        files.then(r -> new MockResponse.Builder(files.serveFile(r))
                .throttleBody(4096, 1, java.util.concurrent.TimeUnit.SECONDS).build());
        DownloadResult r = impatient().download(request(sha(FILE), null), listener);
        assertEquals(sha(FILE), r.sha256());
        assertTrue(listener.events().toString().contains("timed out: nothing received for 200 ms"),
                listener.events().toString());
        List<RecordedRequest> all = requests();
        assertEquals(2, all.size());
        assertEquals("bytes=4096-", all.get(1).getHeaders().get("Range"), "the retry resumes after the bytes received");
    }

    @Test
    void retriesConnectionErrorsThenFailsOverToTheNextUrl() throws Exception {
        URI refused;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            refused = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/model.bin");
        }
        RetryPolicy three = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
        DownloadResult r = downloader(three).download(new DownloadRequest("model.bin",
                List.of(refused, server.url("/zoo/model.bin").uri()), target, null, null), listener);
        assertEquals(server.url("/zoo/model.bin").uri(), r.url());
        assertEquals(2, time.sleeps().size(), "three attempts at the dead URL, two waits between them");
        assertTrue(listener.has("failedOver model.bin " + refused + ": ConnectException"), listener.events().toString());
    }

    @Test
    void honoursRetryAfterInSecondsAndAsAnHttpDate() throws Exception {
        // The second answer comes after the first 7 s wait: 42 s after that.
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(7 + 42).atZone(time.getZone()));
        files.then(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build())
                .then(new MockResponse.Builder().code(503).setHeader("Retry-After", date).build());
        downloader().download(request(null, null), listener);
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(42)), time.sleeps());
    }

    @Test
    void givesUpAfterTheLastAttemptAndPrintsUrlDestinationAndCurl() throws Exception {
        for (int i = 0; i < 10; i++) {
            files.then(new MockResponse.Builder().code(503).build());
        }
        RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader(policy).download(request(null, null), listener));
        assertFalse(e instanceof ChecksumMismatchException);
        assertEquals(4, requests().size());
        assertEquals(3, time.sleeps().size());
        URI url = server.url("/zoo/model.bin").uri();
        String m = e.getMessage();
        assertTrue(m.contains(url + ": HTTP 503"), m);
        assertTrue(m.contains("gave up after 4 attempts"), m);
        assertTrue(m.contains("destination: " + target), m);
        assertTrue(m.contains("curl -fL -C - -o '" + dir.resolve("model.bin.part") + "' '" + url + "'"), m);
        assertFalse(Files.exists(target));
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheTimeBudget() throws Exception {
        files.then(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(request(null, null), listener));
        assertTrue(e.getMessage().contains("the server asks to retry in 3600 s, beyond the retry budget"), e.getMessage());
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void refusesAnHtmlPageServedWith200() throws Exception {
        server.setDispatcher(new FileServer("<html><body>Please log in</body></html>".getBytes())
                .contentType("text/html; charset=utf-8"));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(request(null, null), listener));
        assertTrue(e.getMessage().contains("the server sent a web page (Content-Type text/html; charset=utf-8)"),
                e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("model.bin.part")));
    }

    @Test
    void refusesAnHtmlBodyEvenWhenLabelledAsBinary() throws Exception {
        server.setDispatcher(new FileServer("\n  <!DOCTYPE html>\n<html>Not found</html>".getBytes()));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(request(null, null), listener));
        assertTrue(e.getMessage().contains("the server sent an HTML page, not the artifact"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("model.bin.part")));
        assertFalse(Files.exists(dir.resolve("model.bin.part.json")));
    }

    @Test
    void refusesAFileFarSmallerThanThePinnedSizeBeforeReadingIt() throws Exception {
        server.setDispatcher(new FileServer(bytes(2_000, 3)));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(request(null, (long) FILE.length), listener));
        assertTrue(e.getMessage().contains("the server offers 2000 bytes but the catalog pins 300000"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, requests().size());
    }

    @Test
    void refusesABodyShorterThanItsContentLengthWhenTheRestNeverComes() throws Exception {
        // A server whose Content-Length promises more than it sends, and that cannot resume.
        files.noRanges().cut(100_000, Integer.MAX_VALUE);
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader(policy).download(request(null, null), listener));
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected end of stream") || e.getMessage().contains("ended after"),
                e.getMessage());
        assertFalse(Files.exists(target), "a truncated body is never installed");
    }

    @Test
    void followsRedirectsAndRecordsTheFinalUrl() throws Exception {
        files.then(new MockResponse.Builder().code(302).setHeader("Location", "/cdn/model.bin").build());
        DownloadResult r = downloader().download(request(sha(FILE), null), listener);
        assertEquals(server.url("/cdn/model.bin").uri(), r.url());
        assertArrayEquals(FILE, Files.readAllBytes(target));
        List<RecordedRequest> reqs = requests();
        assertEquals("/cdn/model.bin", reqs.get(1).getUrl().encodedPath());
        assertEquals("identity", reqs.get(1).getHeaders().get("Accept-Encoding"));
    }

    @Test
    void restartsCleanlyWhenTheEtagChangesBetweenAttempts() throws Exception {
        byte[] v2 = bytes(250_000, 2);
        files.cut(100_000, 1).then(files::serveFile).then(r -> {
            // The file changes on the server between the two attempts; the new one is cut too.
            return files.content(v2, "\"v2\"").cut(100_000, 1).serveFile(r);
        });
        DownloadResult r = downloader().download(request(null, null), listener);
        assertArrayEquals(v2, Files.readAllBytes(target));
        assertEquals(sha(v2), r.sha256());
        assertEquals("\"v2\"", r.etag());
        List<RecordedRequest> reqs = requests();
        assertEquals(3, reqs.size());
        assertEquals("\"v1\"", reqs.get(1).getHeaders().get("If-Range"));
        assertEquals("\"v2\"", reqs.get(2).getHeaders().get("If-Range"), "the new version resumes with its own ETag");
        assertTrue(listener.has("restarting model.bin: the server sent the whole file instead of the rest of it "
                + "(it changed since the partial download)"), listener.events().toString());
    }

    @Test
    void restartsWhenAServerIgnoringIfRangeSendsPartOfANewVersion() throws Exception {
        byte[] v2 = bytes(300_000, 2);
        files.ignoreIfRange().cut(100_000, 1).then(files::serveFile)
                .then(r -> files.content(v2, "\"v2\"").serveFile(r));
        DownloadResult r = downloader().download(request(null, null), listener);
        assertArrayEquals(v2, Files.readAllBytes(target));
        assertEquals(sha(v2), r.sha256());
        List<RecordedRequest> reqs = requests();
        assertEquals(3, reqs.size());
        assertNull(reqs.get(2).getHeaders().get("Range"), "the third request starts from byte 0");
        assertTrue(listener.has("restarting model.bin: the file changed on the server (ETag \"v1\" became \"v2\")"),
                listener.events().toString());
    }

    @Test
    void checksumMismatchDeletesTheBytesAndSaysExpectedAndFound() throws Exception {
        String wrong = "0".repeat(64);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> downloader().download(request(wrong, null), listener));
        assertTrue(e.getMessage().contains("SHA-256 mismatch: expected " + wrong + ", found " + sha(FILE)),
                e.getMessage());
        assertTrue(e.getMessage().contains("the downloaded bytes were deleted"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("model.bin.part")));
        assertFalse(Files.exists(dir.resolve("model.bin.part.json")));
    }

    @Test
    void mismatchAfterAResumeIsRetriedOnceFromByteZero() throws Exception {
        // A stale prefix of another version with no validator to tell: only the pinned digest can.
        Files.write(dir.resolve("model.bin.part"), bytes(50_000, 9));
        DownloadResult r = downloader().download(request(sha(FILE), (long) FILE.length), listener);
        assertArrayEquals(FILE, Files.readAllBytes(target));
        assertFalse(r.resumed());
        List<RecordedRequest> reqs = requests();
        assertEquals("bytes=50000-", reqs.get(0).getHeaders().get("Range"));
        assertNull(reqs.get(1).getHeaders().get("Range"));
        assertTrue(listener.has("restarting model.bin: SHA-256 mismatch"), listener.events().toString());
    }

    @Test
    void mirrorsAreTriedInOrder() throws Exception {
        files.then(new MockResponse.Builder().code(404).build());
        URI mirror = server.url("/mirror/model.bin").uri();
        URI origin = server.url("/zoo/model.bin").uri();
        DownloadResult r = downloader().download(new DownloadRequest("model.bin", List.of(mirror, origin), target,
                null, null), listener);
        assertEquals(origin, r.url());
        assertTrue(listener.has("failedOver model.bin " + mirror + ": HTTP 404"), listener.events().toString());
        assertTrue(time.sleeps().isEmpty(), "a 404 is not retried");
    }

    @Test
    void laterProcessResumesFromThePartAndItsSidecar() throws Exception {
        files.cut(150_000, 1);
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertThrows(DownloadException.class, () -> downloader(once).download(request(null, null), listener));
        long part = Files.size(dir.resolve("model.bin.part"));
        assertTrue(part > 0, "the partial bytes are kept");
        assertTrue(Files.readString(dir.resolve("model.bin.part.json")).contains("\\\"v1\\\""));

        // A new downloader (a new process) knows nothing but what is on disk.
        DownloadResult r = downloader().download(request(sha(FILE), null), new RecordingListener());
        assertArrayEquals(FILE, Files.readAllBytes(target));
        assertTrue(r.resumed());
        RecordedRequest second = requests().get(1);
        assertEquals("bytes=" + part + "-", second.getHeaders().get("Range"));
        assertEquals("\"v1\"", second.getHeaders().get("If-Range"));
    }

    @Test
    void aCompletePartIsFinishedWithoutTransferringItAgain() throws Exception {
        Files.write(dir.resolve("model.bin.part"), FILE);
        DownloadResult r = downloader().download(request(sha(FILE), null), listener);
        assertArrayEquals(FILE, Files.readAllBytes(target));
        assertEquals(sha(FILE), r.sha256());
        assertEquals(1, requests().size(), "one 416 answer, no body");
    }

    @Test
    void htmlDetectionLooksOnlyAtTheStart() {
        byte[] html = "\uFEFF <HTML lang=en>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(HttpDownloader.looksLikeHtml(html, html.length));
        byte[] binary = bytes(1000, 5);
        binary[0] = 'H';
        assertFalse(HttpDownloader.looksLikeHtml(binary, binary.length));
    }

    @Test
    void diskErrorsAreNotRetried() throws IOException {
        Files.createDirectories(dir.resolve("model.bin.part")); // cannot be opened as a file
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(request(null, null), listener));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        assertTrue(time.sleeps().isEmpty());
    }
}
