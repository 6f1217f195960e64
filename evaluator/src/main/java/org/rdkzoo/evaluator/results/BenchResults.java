package org.rdkzoo.evaluator.results;

import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * What {@code rdkzoo bench} writes: latency and throughput of one {@code .bin} on the BPU, read by
 * {@code rdkzoo report} for the zoo table's latency and FPS columns. Times are milliseconds per frame,
 * measured around the inference call (the zoo's "single-thread latency" is {@code singleThread}'s mean,
 * its "multi-thread latency" and FPS are {@code multiThread}'s).
 *
 * @param format        {@link #FORMAT}; readers refuse other major versions
 * @param model         the model file that ran
 * @param singleThread  one thread submitting frames one after another
 * @param multiThread   several threads submitting at once, {@code null} when not measured
 * @param libdnnVersion the version libdnn reported ({@code hbDNNGetVersion}); a stand-in library says so here
 * @param provenance    rdkzoo version, host (the board), times, versions
 */
public record BenchResults(
        String format,
        Model model,
        Run singleThread,
        Run multiThread,
        String libdnnVersion,
        Provenance provenance) {

    public static final String FORMAT = "rdkzoo.bench/1";

    /**
     * @param path      the {@code .bin} as given
     * @param sha256    its SHA-256
     * @param name      the model's name inside the {@code .bin} (hb_mapper's {@code output_model_file_prefix})
     * @param catalogId the catalog id when the model came from the catalog, else {@code null}
     */
    public record Model(String path, String sha256, String name, String catalogId) {
    }

    /**
     * One timed run.
     *
     * @param threads   threads submitting frames
     * @param frames    frames timed (after warm-up), over all threads
     * @param fps       frames per second over the whole run (all threads)
     * @param latencyMs per-frame latency
     */
    public record Run(int threads, int frames, double fps, Latency latencyMs) {
    }

    /** Per-frame latency statistics, milliseconds. */
    public record Latency(double mean, double p50, double p99, double min, double max) {
    }
}
