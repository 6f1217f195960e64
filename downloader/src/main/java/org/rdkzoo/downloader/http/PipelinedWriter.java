package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes chunks to the part file and feeds them to the digest on a thread of its own, while the caller goes on
 * reading the network: on two cores the socket reads and the copies out of okio run beside the file writes and
 * SHA-256 (about a second of CPU per GiB each), instead of one after the other.
 *
 * <p>Chunks are buffers lent by {@link #borrow()}; each comes back to the pool once written and hashed, so memory
 * stays at {@code buffers x bufferSize}. One thread writes them in order, so the part always holds a prefix of
 * what was received: whatever stops the download, the next attempt resumes after the bytes on disk.
 */
final class PipelinedWriter implements AutoCloseable {
    /** Where the chunks go before they are hashed. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] chunk, int length) throws IOException;
    }

    /** The sink failed (a full disk, say): the cause is the sink's. */
    static final class WriteFailure extends RuntimeException {
        WriteFailure(IOException cause) {
            super(cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    private static final byte[] END = new byte[0];
    /** How long {@link #close()} lets the worker write what is queued (a few MiB) before interrupting it. */
    private static final long CLOSE_WAIT_MS = 10_000;

    private final MessageDigest digest;
    private final Sink sink;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<byte[]> full;
    private final BlockingQueue<Integer> lengths;
    private final Thread worker;
    private volatile Throwable failure;
    private boolean finished;

    PipelinedWriter(MessageDigest digest, Sink sink, int buffers, int bufferSize) {
        this.digest = digest;
        this.sink = sink;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
        this.lengths = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
        this.worker = new Thread(this::run, "rdkzoo-write");
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
                sink.write(chunk, length);
                digest.update(chunk, 0, length);
                free.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    /** An empty buffer to fill; blocks while all of them wait to be written. */
    byte[] borrow() throws InterruptedException {
        while (true) {
            check();
            byte[] b = free.poll(100, TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
        }
    }

    /** Queues the first {@code length} bytes of a borrowed buffer; the buffer is returned later. */
    void update(byte[] chunk, int length) throws InterruptedException {
        check();
        lengths.put(length);
        full.put(chunk);
    }

    /** Gives back a borrowed buffer that holds nothing to write. */
    void giveBack(byte[] chunk) {
        free.offer(chunk);
    }

    /** Waits until every queued chunk is written and in the digest (which the caller then reads). */
    void drain() throws InterruptedException {
        if (!finished) {
            finished = true;
            lengths.put(0);
            full.put(END);
            worker.join();
        }
        check();
    }

    private void check() {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw new WriteFailure(io);
        }
        if (f != null) {
            throw new IllegalStateException("writing or hashing failed", f);
        }
    }

    /**
     * Lets the worker write what is already queued, then stops it (idempotent). The digest is incomplete unless
     * {@link #drain()} returned.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        // On Ctrl-C this thread is interrupted: waiting must not be cut short, or queued bytes would be lost.
        boolean interrupted = Thread.interrupted();
        try {
            if (failure == null && lengths.offer(0) && full.offer(END)) {
                worker.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            worker.interrupt();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
