package org.rdkzoo.downloader.catalog;

import java.math.BigDecimal;

/**
 * The figures the zoo publishes for a model on the RDK X5, as printed (BigDecimal keeps "76.50" as
 * written). Any of them may be null when the zoo gives none.
 *
 * @param paramsM       parameters, millions
 * @param floatTop1     Top-1 (%) of the float ONNX before quantization
 * @param quantTop1     Top-1 (%) of the quantized model on the board
 * @param latency1tMs   single-thread latency, ms
 * @param latencyMtMs   multi-thread (4 threads) latency, ms
 * @param fps           multi-thread throughput, frames per second
 */
public record PublishedFigures(BigDecimal paramsM, BigDecimal floatTop1, BigDecimal quantTop1, BigDecimal latency1tMs,
        BigDecimal latencyMtMs, BigDecimal fps) {
    public static final PublishedFigures NONE = new PublishedFigures(null, null, null, null, null, null);

    /** These figures with each of {@code override}'s non-null figures put in place. */
    public PublishedFigures overriddenBy(PublishedFigures override) {
        return new PublishedFigures(
                pick(override.paramsM, paramsM), pick(override.floatTop1, floatTop1),
                pick(override.quantTop1, quantTop1), pick(override.latency1tMs, latency1tMs),
                pick(override.latencyMtMs, latencyMtMs), pick(override.fps, fps));
    }

    private static BigDecimal pick(BigDecimal preferred, BigDecimal fallback) {
        return preferred != null ? preferred : fallback;
    }
}
