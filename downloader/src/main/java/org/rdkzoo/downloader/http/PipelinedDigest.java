package org.rdkzoo.downloader.http;

import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds chunks to a digest on a thread of its own while the caller goes on reading the network and
 * writing the file: SHA-256 costs about a second of CPU per GiB, which would otherwise add to the
 * download time.
 * Chunks are buffers lent by {@link #borrow()}; each comes back to the pool once hashed, so memory
 * stays at {@code buffers x bufferSize}.
 */
final class PipelinedDigest implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final MessageDigest digest;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<byte[]> full;
    private final BlockingQueue<Integer> lengths;
    private final Thread worker;
    private volatile Throwable failure;
    private boolean finished;

    PipelinedDigest(MessageDigest digest, int buffers, int bufferSize) {
        this.digest = digest;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
        this.lengths = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
        this.worker = new Thread(this::run, "rdkzoo-sha256");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            while (true) {
                byte[] chunk = full.take();
                int length = lengths.take();
                if (chunk == END) {
                    return;
                }
                digest.update(chunk, 0, length);
                free.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** An empty buffer to fill; blocks while all of them wait to be hashed. */
    byte[] borrow() throws InterruptedException {
        while (true) {
            check();
            byte[] b = free.poll(100, TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
        }
    }

    /** Queues the first {@code length} bytes of a borrowed buffer for hashing; the buffer is returned later. */
    void update(byte[] chunk, int length) throws InterruptedException {
        check();
        lengths.put(length);
        full.put(chunk);
    }

    /** Gives back a borrowed buffer that holds nothing to hash. */
    void giveBack(byte[] chunk) {
        free.offer(chunk);
    }

    /** Waits until every queued chunk is in the digest (which the caller then reads). */
    void drain() throws InterruptedException {
        finish();
        check();
    }

    private void finish() throws InterruptedException {
        if (!finished) {
            finished = true;
            lengths.put(0);
            full.put(END);
            worker.join();
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("hashing failed", failure);
        }
    }

    /** Stops the worker (idempotent); the digest is incomplete unless {@link #drain()} returned. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            worker.interrupt();
        }
    }
}
