package org.rdkzoo.evaluator.concurrent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class WorkersTest {
    /** Work that ignores interrupts, as a native decode does. */
    private static Runnable busy(long millis, AtomicBoolean done) {
        return () -> {
            long until = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            done.set(true);
        };
    }

    @Test
    void waitsForWorkThatIgnoresTheInterruptInThePoolAndInOtherThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        AtomicBoolean pooled = new AtomicBoolean();
        AtomicBoolean other = new AtomicBoolean();
        pool.submit(busy(150, pooled));
        Thread reader = new Thread(busy(200, other));
        reader.start();
        Thread.sleep(20);
        pool.shutdownNow();
        reader.interrupt();

        Workers.awaitStopped(pool, Duration.ofSeconds(10), reader);

        assertTrue(pooled.get() && other.get(), "returned before the work ended");
        assertFalse(reader.isAlive());
    }

    @Test
    void anInterruptedCallerStillWaitsAndKeepsItsInterrupt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        AtomicBoolean pooled = new AtomicBoolean();
        pool.submit(busy(150, pooled));
        Thread.sleep(20);
        pool.shutdownNow();

        Thread.currentThread().interrupt();
        Workers.awaitStopped(pool, Duration.ofSeconds(10));

        assertTrue(Thread.interrupted(), "the caller's interrupt was lost");
        assertTrue(pooled.get(), "returned before the work ended");
    }
}
