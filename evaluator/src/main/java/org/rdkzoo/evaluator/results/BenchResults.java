package org.rdkzoo.evaluator.results;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.runtime.bench.BenchResult;
import org.rdkzoo.runtime.bench.LatencyStats;
import org.rdkzoo.runtime.bench.Throughput;

/**
 * What {@code rdkzoo bench} writes: the runtime's measurement of one {@code .bin} on the BPU
 * ({@link BenchResult}: single-thread latency and FPS per thread count, as {@code hrt_model_exec perf}
 * measures them) with the model file, the libdnn version and the provenance. {@code rdkzoo report} reads
 * it for the zoo table: "single-thread latency" is {@code latency.meanMs}, "multi-thread latency" and FPS
 * are the {@link #multiThread()} entry's {@code threadAverageMs} and {@code fps}.
 *
 * @param format        {@link #FORMAT}; readers refuse other major versions
 * @param model         the model file that ran
 * @param latency       single-thread latency, milliseconds
 * @param throughput    FPS per thread count, in the order measured
 * @param libdnnVersion the version libdnn reported ({@code hbDNNGetVersion}); a stand-in library says so here
 * @param provenance    rdkzoo version, host (the board), times, versions
 */
public record BenchResults(
        String format,
        Model model,
        LatencyStats latency,
        List<Throughput> throughput,
        String libdnnVersion,
        Provenance provenance) {

    public static final String FORMAT = "rdkzoo.bench/1";

    public BenchResults {
        throughput = throughput == null ? List.of() : List.copyOf(throughput);
    }

    /** The document for a measurement of {@code model} by the runtime's bench loop. */
    public static BenchResults of(Model model, BenchResult measured, String libdnnVersion, Provenance provenance) {
        return new BenchResults(FORMAT, model, measured.latency(), measured.throughput(), libdnnVersion, provenance);
    }

    /**
     * @param path      the {@code .bin} as given
     * @param sha256    its SHA-256
     * @param name      the model's name inside the {@code .bin}, as libdnn reports it ({@link BenchResult#model()})
     * @param catalogId the catalog id when the model came from the catalog, else {@code null}
     */
    public record Model(String path, String sha256, String name, String catalogId) {
    }

    /** The throughput run with the most threads, when one used more than one thread (the zoo's FPS column). */
    public Optional<Throughput> multiThread() {
        return throughput.stream().filter(t -> t.threads() > 1).max(Comparator.comparingInt(Throughput::threads));
    }

    /**
     * The zoo's FPS column: the {@link #multiThread()} run's FPS, else (no run used several threads) the
     * single-thread run's, else {@code NaN}.
     */
    public double fps() {
        return multiThread().map(Throughput::fps).orElse(throughput.stream().filter(t -> t.threads() == 1)
                .map(Throughput::fps).findFirst().orElse(Double.NaN));
    }
}
