package org.rdkzoo.runtime.bench;

import java.util.Arrays;

/**
 * Latency of a run of inferences, in milliseconds. Percentiles are nearest-rank: p50 is the smallest
 * latency that at least half of the frames did not exceed, p99 the same for 99%.
 *
 * @param frames how many inferences were timed
 * @param meanMs mean latency
 * @param p50Ms  median (nearest rank)
 * @param p99Ms  99th percentile (nearest rank)
 * @param minMs  fastest
 * @param maxMs  slowest
 */
public record LatencyStats(int frames, double meanMs, double p50Ms, double p99Ms, double minMs, double maxMs) {

    /**
     * The statistics of these latencies.
     *
     * @param nanos one latency per frame, in nanoseconds (not modified)
     * @throws IllegalArgumentException if there are none
     */
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies to summarise");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new LatencyStats(sorted.length, ms(sum / sorted.length), ms(nearestRank(sorted, 50)),
                ms(nearestRank(sorted, 99)), ms(sorted[0]), ms(sorted[sorted.length - 1]));
    }

    /** The {@code p}-th percentile of sorted values by the nearest-rank method. */
    static long nearestRank(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
