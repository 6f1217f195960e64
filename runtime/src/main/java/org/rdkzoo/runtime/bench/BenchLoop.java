package org.rdkzoo.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Times inferences: single-thread latency, and multi-thread throughput the way {@code hrt_model_exec perf}
 * measures it. Knows nothing of models: an inference is a {@link Runnable} (typically
 * {@code session::run} on a session whose inputs were set once). The clock is injected so the arithmetic can
 * be tested without timing.
 */
public final class BenchLoop {
    private final LongSupplier nanoTime;

    /** A loop reading this clock (nanoseconds, monotonic). */
    public BenchLoop(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A loop on {@link System#nanoTime()}. */
    public static BenchLoop withSystemClock() {
        return new BenchLoop(System::nanoTime);
    }

    /**
     * Runs {@code warmup} untimed inferences, then times {@code frames} one after another.
     *
     * @throws IllegalArgumentException if {@code frames < 1} or {@code warmup < 0}
     */
    public LatencyStats latency(Runnable inference, int warmup, int frames) {
        checkCounts(frames, warmup);
        for (int i = 0; i < warmup; i++) {
            inference.run();
        }
        long[] nanos = new long[frames];
        for (int i = 0; i < frames; i++) {
            long start = nanoTime.getAsLong();
            inference.run();
            nanos[i] = nanoTime.getAsLong() - start;
        }
        return LatencyStats.ofNanos(nanos);
    }

    /**
     * Runs one thread per element of {@code perThread} (each with its own session), {@code frames} inferences in
     * total split as evenly as possible ({@link #split}); each thread first runs {@code warmupPerThread} untimed
     * inferences, then all start together. If an inference throws, the others stop and it is rethrown.
     *
     * @throws InterruptedException     if interrupted while waiting for the threads
     * @throws IllegalArgumentException if there are more threads than frames, or bad counts
     */
    public Throughput throughput(List<? extends Runnable> perThread, int frames, int warmupPerThread)
            throws InterruptedException {
        checkCounts(frames, warmupPerThread);
        int threads = perThread.size();
        if (threads < 1 || threads > frames) {
            throw new IllegalArgumentException(threads + " threads for " + frames + " frames (need 1.." + frames + ")");
        }
        int[] shares = split(frames, threads);
        long[][] latencies = new long[threads][];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean abort = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Runnable inference = perThread.get(t);
            Thread worker = new Thread(() -> {
                long[] nanos = new long[shares[index]];
                latencies[index] = nanos;
                try {
                    for (int i = 0; i < warmupPerThread && !abort.get(); i++) {
                        inference.run();
                    }
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < nanos.length && !abort.get(); i++) {
                        long start = nanoTime.getAsLong();
                        inference.run();
                        nanos[i] = nanoTime.getAsLong() - start;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    abort.set(true);
                    ready.countDown();
                }
            }, "rdkzoo-bench-" + t);
            workers.add(worker);
            worker.start();
        }
        long start;
        try {
            ready.await();
            start = nanoTime.getAsLong();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            abort.set(true);
            go.countDown();
            throw e;
        }
        long wall = nanoTime.getAsLong() - start;
        Throwable error = failure.get();
        if (error instanceof RuntimeException re) {
            throw re;
        } else if (error instanceof Error err) {
            throw err;
        } else if (error != null) {
            throw new IllegalStateException("a bench thread failed: " + error, error);
        }
        long[] all = new long[frames];
        int at = 0;
        for (long[] nanos : latencies) {
            System.arraycopy(nanos, 0, all, at, nanos.length);
            at += nanos.length;
        }
        return Throughput.of(threads, wall, all);
    }

    /** Frames per thread: {@code frames / threads} each, the remainder one each to the first threads. */
    public static int[] split(int frames, int threads) {
        int[] shares = new int[threads];
        for (int t = 0; t < threads; t++) {
            shares[t] = frames / threads + (t < frames % threads ? 1 : 0);
        }
        return shares;
    }

    private static void checkCounts(int frames, int warmup) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, was " + frames);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + warmup);
        }
    }
}
