package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

class ConcurrentInferenceTest {
    private static final int THREADS = 4;
    private static final int INFERENCES = 150;

    @TempDir
    Path dir;

    @Test
    void threadsWithTheirOwnSessionsEachGetTheAnswerToTheirOwnInput() throws Exception {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        // A short task delay keeps several tasks in flight at once.
        Path bin = StandInModel.classifier("c", 16, 16, 1000).delayMicros(200).writeTo(dir.resolve("c.bin"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (BpuModel model = libdnn.loadModel(bin)) {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    try (InferenceSession session = model.newSession()) {
                        float[] scores = new float[1000];
                        start.await();
                        for (int i = 0; i < INFERENCES; i++) {
                            int y = (thread * 61 + i * 7) % 256;
                            session.setInput(0, Nv12.flat(16, 16, y, 0, 0));
                            session.run();
                            session.output(0, scores);
                            assertArrayEquals(Nv12.scores(y, 1000), scores, "thread " + thread + " inference " + i);
                        }
                        return INFERENCES;
                    }
                }));
            }
            int done = 0;
            for (Future<Integer> result : results) {
                done += result.get(2, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * INFERENCES, done);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionUsedByTwoThreadsAtOnceRefusesTheSecond() throws Exception {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        LibdnnStandIn.Hooks hooks = LibdnnStandIn.hooks();
        Path bin = StandInModel.classifier("stuck", 2, 2, 2).hang().writeTo(dir.resolve("stuck.bin"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            int tasks = hooks.standin_live("task");
            Future<?> first = pool.submit(() -> session.run(Duration.ofSeconds(2)));
            while (hooks.standin_live("task") == tasks && !first.isDone()) {
                Thread.onSpinWait(); // until the first thread's task is in flight
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, session::run);
            assertEquals("this session is running on another thread; use one session per thread", e.getMessage());
            assertThrows(Exception.class, () -> first.get(1, TimeUnit.MINUTES), "the first run times out");
        } finally {
            pool.shutdownNow();
        }
    }
}
