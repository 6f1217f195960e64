package org.rdkzoo.runtime.bench;

/**
 * Frames per second with several threads inferring at once, measured as {@code hrt_model_exec perf} does:
 * {@code frames} in total split over {@code threads}, FPS = frames / wall time, and the per-inference
 * latency averaged over all threads ("Thread Average").
 *
 * @param threads         threads inferring at once
 * @param frames          inferences timed, all threads together
 * @param wallMs          from the moment all threads start to the moment the last one ends
 * @param fps             {@code frames / wall time}
 * @param threadAverageMs mean latency of one inference, over every thread's frames
 * @param threadMaxMs     slowest single inference
 */
public record Throughput(int threads, int frames, double wallMs, double fps, double threadAverageMs,
        double threadMaxMs) {

    /** The throughput of {@code frames} inferences over {@code wallNanos}, with these per-inference latencies. */
    public static Throughput of(int threads, long wallNanos, long[] latencyNanos) {
        if (wallNanos <= 0) {
            throw new IllegalArgumentException("wall time must be positive, was " + wallNanos + " ns");
        }
        LatencyStats latency = LatencyStats.ofNanos(latencyNanos);
        return new Throughput(threads, latencyNanos.length, wallNanos / 1e6, latencyNanos.length / (wallNanos / 1e9),
                latency.meanMs(), latency.maxMs());
    }
}
