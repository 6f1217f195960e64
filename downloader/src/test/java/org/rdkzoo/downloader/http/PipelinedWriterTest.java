package org.rdkzoo.downloader.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rdkzoo.downloader.cache.Sha256;

class PipelinedWriterTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(11).nextBytes(b);
        return b;
    }

    /** Feeds {@code data} through the pipe in chunks of up to {@code chunk} bytes. */
    private static void feed(PipelinedWriter pipe, byte[] data, int chunk) throws InterruptedException {
        for (int at = 0; at < data.length; at += chunk) {
            byte[] buffer = pipe.borrow();
            int n = Math.min(chunk, data.length - at);
            System.arraycopy(data, at, buffer, 0, n);
            pipe.update(buffer, n);
        }
    }

    @Test
    void writesEveryChunkInOrderAndHashesWhatItWrote() throws Exception {
        byte[] data = bytes(1_000_003);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MessageDigest digest = Sha256.newDigest();
        try (PipelinedWriter pipe = new PipelinedWriter(digest, (chunk, n) -> sink.write(chunk, 0, n), 3, 4096)) {
            feed(pipe, data, 4096);
            pipe.drain();
        }
        assertArrayEquals(data, sink.toByteArray());
        assertArrayEquals(Sha256.newDigest().digest(data), digest.digest());
    }

    @Test
    void aFailingSinkStopsTheCallerWithItsIOException() throws Exception {
        IOException full = new IOException("No space left on device");
        try (PipelinedWriter pipe = new PipelinedWriter(Sha256.newDigest(), (chunk, n) -> {
            throw full;
        }, 2, 1024)) {
            PipelinedWriter.WriteFailure f = assertThrows(PipelinedWriter.WriteFailure.class, () -> {
                feed(pipe, bytes(64 * 1024), 1024);
                pipe.drain();
            });
            assertEquals(full, f.io());
        }
    }

    @Test
    void closingWithoutDrainingStillWritesWhatWasQueuedSoThePartStaysAPrefix() throws Exception {
        byte[] data = bytes(50_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PipelinedWriter pipe = new PipelinedWriter(Sha256.newDigest(), (chunk, n) -> {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // a slow disk: chunks still queued at close
            sink.write(chunk, 0, n);
        }, 8, 5_000)) {
            feed(pipe, data, 5_000);
            // the caller fails here (a dropped connection) and closes without draining
        }
        assertEquals(data.length, sink.size());
        assertArrayEquals(data, sink.toByteArray());
    }

    @Test
    void anInterruptedCallerStillLeavesAPrefixAndKeepsItsInterrupt() throws Exception {
        byte[] data = bytes(40_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PipelinedWriter pipe = new PipelinedWriter(Sha256.newDigest(), (chunk, n) -> sink.write(chunk, 0, n), 8,
                5_000);
        feed(pipe, data, 5_000);
        Thread.currentThread().interrupt(); // Ctrl-C
        pipe.close();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        byte[] written = sink.toByteArray();
        assertArrayEquals(java.util.Arrays.copyOf(data, written.length), written);
    }
}
