package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.SocketFactory;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import org.rdkzoo.downloader.cache.AtomicFiles;
import org.rdkzoo.downloader.cache.Sha256;

/**
 * Fetches one file over HTTP into {@code <target>.part}, hashing while it streams, and moves it into
 * place only once its size and SHA-256 check out. Interrupted downloads resume with {@code Range} and
 * {@code If-Range}, within this call after a retry and in a later process (the validator is kept in
 * the part's sidecar); an answer about another version of the file restarts it from byte 0.
 * Connection errors, timeouts, 408, 429 and 5xx are retried with backoff; other failures move on to
 * the next URL.
 */
public final class HttpDownloader {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int BUFFER = 256 * 1024;
    /** Buffers in flight between the network and the hashing thread. */
    private static final int BUFFERS = 8;
    private static final long PROGRESS_EVERY = 512 * 1024;
    /** Immediate restarts (no backoff) allowed per URL: a server that keeps changing the file. */
    private static final int MAX_RESTARTS = 3;

    private final OkHttpClient client;
    /** The client's read timeout, enforced by a {@link StallWatch} instead of per read. */
    private final Duration stallTimeout;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;

    /**
     * @param client its read timeout is how long an attempt may receive nothing (no response, or no body
     *               bytes) before it is cancelled and retried
     */
    public HttpDownloader(OkHttpClient client, RetryPolicy policy, Clock clock, Sleeper sleeper, Random random) {
        this.stallTimeout = Duration.ofMillis(client.readTimeoutMillis());
        // Same connection pool and dispatcher; the timeout moves to the StallWatch.
        OkHttpClient.Builder b = client.newBuilder().readTimeout(Duration.ZERO);
        if (client.socketFactory() == SocketFactory.getDefault()) {
            b.socketFactory(new ReadAheadSockets()); // a caller's own factory is left as it is
        }
        this.client = b.build();
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * Downloads the file, trying each URL in turn.
     *
     * @throws ChecksumMismatchException when what a server sent does not match the pinned checksum
     * @throws DownloadException         when no URL could serve the file (each URL's reason is listed)
     */
    public DownloadResult download(DownloadRequest request, DownloadListener listener)
            throws DownloadException, InterruptedException {
        List<String> reasons = new ArrayList<>();
        boolean mismatch = false;
        for (URI url : request.urls()) {
            try {
                return fromUrl(url, request, listener);
            } catch (UrlFailure f) {
                reasons.add(url + ": " + f.getMessage());
                mismatch |= f.mismatch;
                if (reasons.size() < request.urls().size()) {
                    listener.failedOver(request.file(), url, f.getMessage());
                }
            }
        }
        URI first = request.urls().get(0);
        if (mismatch) {
            throw new ChecksumMismatchException(request.file(), reasons, request.target(), first, request.partPath());
        }
        throw new DownloadException(request.file(), reasons, request.target(), first, request.partPath());
    }

    private DownloadResult fromUrl(URI url, DownloadRequest request, DownloadListener listener)
            throws UrlFailure, DownloadException, InterruptedException {
        int failures = 0;
        int restarts = 0;
        long best = partSize(request);
        Instant lastProgress = clock.instant();
        boolean freshAfterMismatch = false;
        while (true) {
            try {
                Completed done = attempt(url, request, listener);
                Optional<String> problem = checkPins(done, request);
                if (problem.isEmpty()) {
                    return install(done, request);
                }
                discard(request);
                if (done.resumed && !freshAfterMismatch) {
                    // The prefix may have come from another version of the file: try once from byte 0.
                    freshAfterMismatch = true;
                    listener.restarting(request.file(), problem.get() + " after a resume; downloading it whole");
                    continue;
                }
                throw new UrlFailure(problem.get() + "; the downloaded bytes were deleted", true);
            } catch (Retry r) {
                long now = partSize(request);
                if (now > best) {
                    best = now;
                    failures = 0;
                    lastProgress = clock.instant();
                }
                if (r.restart) {
                    if (++restarts > MAX_RESTARTS) {
                        throw new UrlFailure(r.getMessage() + " (restarted " + MAX_RESTARTS + " times; giving up)", false);
                    }
                    listener.restarting(request.file(), r.getMessage());
                    continue;
                }
                failures++;
                if (failures >= policy.maxAttempts()) {
                    throw new UrlFailure(r.getMessage() + " (gave up after " + failures + " attempts)", false);
                }
                Duration delay = r.retryAfter != null ? r.retryAfter : policy.backoff(failures, random);
                Duration sinceProgress = Duration.between(lastProgress, clock.instant());
                if (sinceProgress.plus(delay).compareTo(policy.maxElapsed()) > 0) {
                    throw new UrlFailure(r.getMessage() + (r.retryAfter != null
                            ? " (the server asks to retry in " + r.retryAfter.toSeconds() + " s, beyond the retry budget)"
                            : " (gave up: no progress for " + sinceProgress.toSeconds() + " s)"), false);
                }
                listener.retrying(request.file(), failures, delay, r.getMessage());
                sleeper.sleep(delay);
            }
        }
    }

    /** One HTTP exchange: resumes the part if there is one and streams the body into it. */
    private Completed attempt(URI url, DownloadRequest req, DownloadListener listener)
            throws Retry, UrlFailure, DownloadException, InterruptedException {
        long offset = partSize(req);
        PartState saved = offset > 0 ? PartState.read(req.partStatePath()) : null;
        if (req.expectedSize() != null && offset > req.expectedSize()) {
            discard(req);
            offset = 0;
        }
        Request.Builder rb = new Request.Builder().url(url.toString())
                // Byte offsets must count the bytes as stored: no transparent gzip.
                .header("Accept-Encoding", "identity");
        if (offset > 0) {
            rb.header("Range", "bytes=" + offset + "-");
            String validator = saved == null ? null : saved.validator();
            if (validator != null) {
                rb.header("If-Range", validator);
            }
        }
        // The digest must cover the whole file, so a resumed part's prefix is hashed again: here, before the
        // request, so that a long read of a large part is not taken for the server's silence.
        MessageDigest resumed = offset > 0 ? prefixDigest(req, offset) : null;
        Call call = client.newCall(rb.build());
        StallWatch watch = StallWatch.start(call, stallTimeout);
        try (watch; Response response = call.execute()) {
            int code = response.code();
            if (code == 416 && offset > 0) {
                return whenRangeUnsatisfiable(response, req, saved, offset, url);
            }
            if (code == 408 || code == 429 || code >= 500) {
                throw new Retry("HTTP " + code + status(response), retryAfter(response), false);
            }
            if (code != 200 && code != 206) {
                throw new UrlFailure("HTTP " + code + status(response), false);
            }
            refuseNonArtifact(response);
            String etag = response.header("ETag");
            String lastModified = response.header("Last-Modified");
            long start;
            long total;
            if (code == 206) {
                Matcher m = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
                if (offset == 0 || !m.matches() || Long.parseLong(m.group(1)) != offset) {
                    discard(req);
                    throw new Retry("the server answered a different range (" + response.header("Content-Range")
                            + ") than bytes=" + offset + "-", null, true);
                }
                if (saved != null && saved.etag() != null && etag != null && !saved.etag().equals(etag)) {
                    discard(req);
                    throw new Retry("the file changed on the server (ETag " + saved.etag() + " became " + etag + ")",
                            null, true);
                }
                start = offset;
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            } else {
                start = 0;
                total = response.body().contentLength();
            }
            if (req.expectedSize() != null && total >= 0 && total != req.expectedSize()) {
                throw new UrlFailure("the server offers " + total + " bytes but the catalog pins " + req.expectedSize()
                        + ": not the expected artifact (an error page, or another version?)", false);
            }
            if (code == 200 && offset > 0) {
                listener.restarting(req.file(), "the server sent the whole file instead of the rest of it"
                        + (saved != null && saved.validator() != null ? " (it changed since the partial download)"
                        : " (no range support)"));
            }
            new PartState(response.request().url().toString(), etag, lastModified, total).write(req.partStatePath());
            // start > 0 only for a 206 at exactly the offset, whose prefix was hashed above.
            MessageDigest digest = start > 0 ? resumed : Sha256.newDigest();
            listener.started(req.file(), url, start, total);
            long size = stream(response.body(), req, start, digest, listener, watch);
            if (total >= 0 && size != total) {
                throw new Retry("the body ended after " + size + " of " + total + " bytes", null, false);
            }
            return new Completed(size, Sha256.hex(digest.digest()), URI.create(response.request().url().toString()),
                    etag, lastModified, start > 0);
        } catch (DownloadException e) {
            throw e; // the disk, not the network: another attempt would fail the same way
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(e);
            }
            throw new Retry("timed out: " + (watch.stalled() ? silence(watch) : describe(e)), null, false);
        } catch (IOException e) {
            throw new Retry(watch.stalled() ? "timed out: " + silence(watch) : describe(e), null, false);
        }
    }

    private static MessageDigest prefixDigest(DownloadRequest req, long length) throws DownloadException {
        MessageDigest digest = Sha256.newDigest();
        try {
            Sha256.update(digest, req.partPath(), length);
        } catch (IOException e) {
            throw diskFailure(req, e);
        }
        return digest;
    }

    /** 416 to a resume: the part may already be whole, else the server's file is shorter; restart. */
    private Completed whenRangeUnsatisfiable(Response response, DownloadRequest req, PartState saved, long offset,
            URI url) throws Retry, IOException {
        Matcher m = UNSATISFIED_RANGE.matcher(String.valueOf(response.header("Content-Range")));
        if (m.matches() && Long.parseLong(m.group(1)) == offset) {
            return new Completed(offset, Sha256.of(req.partPath()), url, saved == null ? null : saved.etag(),
                    saved == null ? null : saved.lastModified(), true);
        }
        discard(req);
        throw new Retry("the server cannot serve bytes from " + offset + " (HTTP 416)", null, true);
    }

    /** Refuses a 200/206 body that is evidently not a model file (an error page, a login wall). */
    private static void refuseNonArtifact(Response response) throws UrlFailure {
        String type = response.header("Content-Type", "");
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("text/html") || lower.startsWith("application/xhtml")) {
            throw new UrlFailure("the server sent a web page (Content-Type " + type
                    + "), not the artifact: an error page or a login wall?", false);
        }
        String encoding = response.header("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            throw new UrlFailure("the server sent Content-Encoding " + encoding
                    + " although rdkzoo asked for identity; the bytes would not be the file", false);
        }
    }

    /**
     * Streams the body into the part at {@code start}, written and hashed on another thread; returns the part's
     * size when the body ends.
     */
    private long stream(ResponseBody body, DownloadRequest req, long start, MessageDigest digest,
            DownloadListener listener, StallWatch watch)
            throws IOException, UrlFailure, DownloadException, InterruptedException {
        BufferedSource source = body.source();
        long position = start;
        long reported = start;
        boolean first = start == 0;
        try (FileChannel out = openPart(req, start);
                PipelinedWriter pipe = new PipelinedWriter(digest, (chunk, n) -> write(out, chunk, n), BUFFERS,
                        BUFFER)) {
            while (true) {
                byte[] buffer = pipe.borrow();
                int n = read(source, buffer, watch);
                if (n <= 0) {
                    pipe.giveBack(buffer);
                    break;
                }
                if (first) {
                    first = false;
                    if (looksLikeHtml(buffer, n)) {
                        discard(req); // nothing was written yet: leave no empty part behind
                        throw new UrlFailure("the server sent an HTML page, not the artifact: an error page or a "
                                + "login wall?", false);
                    }
                }
                pipe.update(buffer, n);
                position += n;
                if (position - reported >= PROGRESS_EVERY) {
                    listener.progress(req.file(), position);
                    reported = position;
                }
            }
            pipe.drain();
        } catch (PipelinedWriter.WriteFailure e) {
            throw diskFailure(req, e.io());
        }
        listener.progress(req.file(), position);
        return position;
    }

    private static void write(FileChannel out, byte[] buffer, int n) throws IOException {
        ByteBuffer wrapped = ByteBuffer.wrap(buffer, 0, n);
        while (wrapped.hasRemaining()) {
            out.write(wrapped);
        }
    }

    /** Fills as much of {@code buffer} as the source has ready (one okio segment is only 8 KiB). */
    private static int read(BufferedSource source, byte[] buffer, StallWatch watch) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n;
            try {
                n = source.read(buffer, total, buffer.length - total);
            } catch (IOException e) {
                if (total > 0) {
                    return total; // keep what arrived before the failure: the next read fails the same way
                }
                throw e;
            }
            if (n < 0) {
                break;
            }
            watch.progress();
            total += n;
            if (source.getBuffer().size() == 0 && total >= buffer.length / 4) {
                break; // enough for one write; do not wait on the socket for more
            }
        }
        return total;
    }

    private FileChannel openPart(DownloadRequest req, long start) throws DownloadException {
        try {
            Files.createDirectories(req.partPath().toAbsolutePath().getParent());
            FileChannel out = FileChannel.open(req.partPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            out.truncate(start);
            out.position(start);
            return out;
        } catch (IOException e) {
            throw diskFailure(req, e);
        }
    }

    static boolean looksLikeHtml(byte[] buffer, int length) {
        String head = new String(buffer, 0, Math.min(length, 256), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
    }

    private static Optional<String> checkPins(Completed done, DownloadRequest req) {
        if (req.expectedSize() != null && done.size != req.expectedSize()) {
            return Optional.of("size mismatch: expected " + req.expectedSize() + " bytes, found " + done.size);
        }
        if (req.expectedSha256() != null && !req.expectedSha256().equals(done.sha256)) {
            return Optional.of("SHA-256 mismatch: expected " + req.expectedSha256() + ", found " + done.sha256);
        }
        return Optional.empty();
    }

    private DownloadResult install(Completed done, DownloadRequest req) throws DownloadException {
        try {
            AtomicFiles.replace(req.partPath(), req.target());
            Files.deleteIfExists(req.partStatePath());
        } catch (IOException e) {
            throw diskFailure(req, e);
        }
        return new DownloadResult(req.target(), done.size, done.sha256, done.url, done.etag, done.lastModified,
                done.resumed);
    }

    private static void discard(DownloadRequest req) {
        try {
            Files.deleteIfExists(req.partPath());
            Files.deleteIfExists(req.partStatePath());
        } catch (IOException e) {
            // The next attempt truncates the part anyway; nothing stale can be installed.
        }
    }

    private static long partSize(DownloadRequest req) {
        try {
            return Files.isRegularFile(req.partPath()) ? Files.size(req.partPath()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private Duration retryAfter(Response response) {
        return RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null);
    }

    private static String status(Response response) {
        return response.message().isEmpty() ? "" : " " + response.message();
    }

    private static String silence(StallWatch watch) {
        return "nothing received for " + watch.timeout().toMillis() + " ms";
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    private static DownloadException diskFailure(DownloadRequest req, IOException e) {
        DownloadException d = new DownloadException(req.file(), List.of("cannot write " + req.partPath() + ": "
                + describe(e)), req.target(), null, null);
        d.initCause(e);
        return d;
    }

    private static InterruptedException interrupted(Exception cause) {
        InterruptedException ie = new InterruptedException("download interrupted");
        ie.initCause(cause);
        return ie;
    }

    private record Completed(long size, String sha256, URI url, String etag, String lastModified, boolean resumed) {
    }

    /** An attempt failed in a way worth another attempt at the same URL. */
    private static final class Retry extends Exception {
        final Duration retryAfter;
        final boolean restart;

        Retry(String message, Duration retryAfter, boolean restart) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
            this.restart = restart;
        }
    }

    /** This URL cannot serve the file; the next mirror may. */
    private static final class UrlFailure extends Exception {
        final boolean mismatch;

        UrlFailure(String message, boolean mismatch) {
            super(message, null, false, false);
            this.mismatch = mismatch;
        }
    }
}
