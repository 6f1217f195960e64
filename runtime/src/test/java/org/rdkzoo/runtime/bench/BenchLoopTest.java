package org.rdkzoo.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The arithmetic of the bench loop on a fake clock that only moves when an inference runs. */
class BenchLoopTest {

    @Test
    void percentilesAreNearestRankOnHandPickedLatencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        LatencyStats stats = LatencyStats.ofNanos(nanos);
        assertEquals(new LatencyStats(100, 50.5, 50.0, 99.0, 1.0, 100.0), stats);
        // Nearest rank of 3 values: p50 -> rank 2, p99 -> rank 3
        assertEquals(new LatencyStats(3, 2.0, 2.0, 3.0, 1.0, 3.0),
                LatencyStats.ofNanos(new long[] {3_000_000, 1_000_000, 2_000_000}));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.ofNanos(new long[0]));
    }

    @Test
    void latencyTimesEachFrameAfterAnUntimedWarmUp() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        long[] costs = {5, 5, 1, 2, 3, 4}; // ms; the first two are warm-up
        Runnable inference = () -> clock.addAndGet(costs[calls.getAndIncrement()] * 1_000_000L);
        LatencyStats stats = new BenchLoop(clock::get).latency(inference, 2, 4);
        assertEquals(6, calls.get());
        assertEquals(new LatencyStats(4, 2.5, 2.0, 4.0, 1.0, 4.0), stats);
    }

    @Test
    void throughputIsFramesOverWallTimeWithFramesSplitLikeHrtModelExec() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<AtomicInteger> counts = new ArrayList<>();
        List<Runnable> perThread = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            AtomicInteger count = new AtomicInteger();
            counts.add(count);
            perThread.add(() -> {
                count.incrementAndGet();
                clock.addAndGet(2_000_000L); // every inference takes 2 ms of the shared clock
            });
        }
        Throughput result = new BenchLoop(clock::get).throughput(perThread, 10, 1);
        // 10 frames over 3 threads: 4, 3, 3, plus one warm-up each.
        assertEquals(List.of(5, 4, 4), counts.stream().map(AtomicInteger::get).toList());
        assertEquals(3, result.threads());
        assertEquals(10, result.frames());
        // Warm-up runs before the wall clock starts: the wall is exactly the 10 timed frames.
        assertEquals(20.0, result.wallMs());
        assertEquals(500.0, result.fps(), 1e-9);
        assertTrue(result.threadAverageMs() >= 2.0, "each frame took at least its own 2 ms");
    }

    @Test
    void singleThreadThroughputMatchesItsLatency() throws Exception {
        AtomicLong clock = new AtomicLong();
        Throughput result = new BenchLoop(clock::get).throughput(List.of(() -> clock.addAndGet(4_000_000L)), 5, 0);
        assertEquals(new Throughput(1, 5, 20.0, 250.0, 4.0, 4.0), result);
    }

    @Test
    void aFailingInferenceStopsTheRunAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicLong clock = new AtomicLong();
        List<Runnable> perThread = List.of(() -> clock.incrementAndGet(), () -> {
            throw boom;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new BenchLoop(clock::get).throughput(perThread, 100, 0));
        assertSame(boom, thrown);
    }

    @Test
    void framesAreSplitEvenlyWithTheRemainderToTheFirstThreads() {
        assertArrayEquals(new int[] {50, 50, 50, 50}, BenchLoop.split(200, 4));
        assertArrayEquals(new int[] {34, 33, 33}, BenchLoop.split(100, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new BenchLoop(System::nanoTime).throughput(List.of(() -> { }, () -> { }), 1, 0));
    }
}
