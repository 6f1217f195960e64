package org.rdkzoo.downloader.testing;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A mockwebserver3 dispatcher serving one file like a real static server (Range, If-Range, ETag,
 * 416), with faults a test can inject: scripted one-off responses, bodies cut mid-way, throttling,
 * a server that ignores If-Range.
 */
public final class FileServer extends Dispatcher {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private volatile byte[] content;
    private volatile String etag = "\"v1\"";
    private volatile String contentType = "application/octet-stream";
    private volatile boolean honourIfRange = true;
    private volatile boolean rangeSupport = true;
    private volatile long cutAfter = -1;
    private volatile int cuts;
    private volatile long throttleBytesPerSecond = -1;
    private final Queue<Function<RecordedRequest, MockResponse>> scripted = new ConcurrentLinkedQueue<>();

    public FileServer(byte[] content) {
        this.content = content;
    }

    /** Serves another version of the file from now on. */
    public FileServer content(byte[] newContent, String newEtag) {
        this.content = newContent;
        this.etag = newEtag;
        return this;
    }

    public FileServer contentType(String type) {
        this.contentType = type;
        return this;
    }

    /** Like a server that answers a stale If-Range with 206 anyway (a broken cache). */
    public FileServer ignoreIfRange() {
        this.honourIfRange = false;
        return this;
    }

    /** Like a server without range support: always the whole file with 200. */
    public FileServer noRanges() {
        this.rangeSupport = false;
        return this;
    }

    /** The next {@code times} bodies stop after {@code bytes} bytes and the connection drops. */
    public FileServer cut(long bytes, int times) {
        this.cutAfter = bytes;
        this.cuts = times;
        return this;
    }

    /** Every body trickles at this rate (for tests that need a download in flight). */
    public FileServer throttle(long bytesPerSecond) {
        this.throttleBytesPerSecond = bytesPerSecond;
        return this;
    }

    /** The next request gets this response instead of the file. */
    public FileServer then(Function<RecordedRequest, MockResponse> response) {
        scripted.add(response);
        return this;
    }

    public FileServer then(MockResponse response) {
        return then(r -> response);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Function<RecordedRequest, MockResponse> s = scripted.poll();
        if (s != null) {
            return s.apply(request);
        }
        return serveFile(request);
    }

    /** The file as a static server would answer, with the configured faults (for scripted responses). */
    public synchronized MockResponse serveFile(RecordedRequest request) {
        byte[] file = content;
        long start = 0;
        String range = request.getHeaders().get("Range");
        String ifRange = request.getHeaders().get("If-Range");
        boolean partial = false;
        if (range != null && rangeSupport) {
            Matcher m = RANGE.matcher(range);
            if (m.matches() && (ifRange == null || ifRange.equals(etag) || !honourIfRange)) {
                start = Long.parseLong(m.group(1));
                partial = true;
            }
        }
        MockResponse.Builder b = new MockResponse.Builder()
                .setHeader("ETag", etag)
                .setHeader("Content-Type", contentType)
                .setHeader("Accept-Ranges", "bytes");
        if (partial && start >= file.length) {
            return b.code(416).setHeader("Content-Range", "bytes */" + file.length).build();
        }
        if (partial) {
            b.code(206).setHeader("Content-Range", "bytes " + start + "-" + (file.length - 1) + "/" + file.length);
        } else {
            b.code(200);
        }
        long length = file.length - start;
        long send = length;
        if (cuts > 0 && cutAfter >= 0) {
            cuts--;
            send = Math.min(length, cutAfter);
            b.onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE);
        }
        if (throttleBytesPerSecond > 0) {
            long chunk = Math.max(1, throttleBytesPerSecond / 20);
            b.throttleBody(chunk, 50, TimeUnit.MILLISECONDS);
        }
        return b.body(new Slice(file, (int) start, length, send)).build();
    }

    /** A body that declares {@code declared} bytes and writes the first {@code send} of them. */
    public static final class Slice implements MockResponseBody {
        private final byte[] file;
        private final int offset;
        private final long declared;
        private final long send;

        public Slice(byte[] file, int offset, long declared, long send) {
            this.file = file;
            this.offset = offset;
            this.declared = declared;
            this.send = send;
        }

        @Override
        public long getContentLength() {
            return declared;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(file, offset, (int) send);
            sink.flush();
        }
    }
}
