package org.rdkzoo.evaluator.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Waiting for worker threads that were told to stop. */
public final class Workers {
    private Workers() {
    }

    /**
     * Waits until the pool's threads and {@code others} have ended, {@code timeout} at most in all, so that nothing
     * of a stopped run goes on after its caller returns: a native call that ignores interrupts (a JPEG decode)
     * finishes first. Waits even when the calling thread is interrupted, and keeps that interrupt.
     *
     * @param pool already shut down ({@code shutdownNow()})
     */
    public static void awaitStopped(ExecutorService pool, Duration timeout, Thread... others) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            for (Thread t : others) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
