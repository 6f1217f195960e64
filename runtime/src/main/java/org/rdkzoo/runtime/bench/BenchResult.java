package org.rdkzoo.runtime.bench;

import java.util.List;
import java.util.Objects;

/**
 * What {@code rdkzoo bench} measures for one model: the zoo table's latency (single thread) and FPS columns
 * (one entry per thread count).
 *
 * @param model      the model's name, as libdnn reports it
 * @param latency    single-thread latency
 * @param throughput FPS per thread count, in the order asked
 */
public record BenchResult(String model, LatencyStats latency, List<Throughput> throughput) {
    public BenchResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
        throughput = List.copyOf(throughput);
    }
}
