package org.rdkzoo.evaluator.report;

import java.util.Objects;

/**
 * The figures the zoo publishes for one model (its README table), shown beside the measured ones.
 * Neutral on purpose: {@code cli} fills it from the catalog in {@code downloader}, which the evaluator
 * cannot depend on. Every figure is {@code null} when the zoo gives none.
 *
 * @param modelId              the catalog id (matched to results by catalog id, else by model file stem)
 * @param paramsMillions       parameters, millions ("参数量(M)")
 * @param floatTop1Percent     float Top-1 in percent (the ONNX before quantization)
 * @param quantTop1Percent     quantized Top-1 in percent (the {@code .bin} on the board)
 * @param latency1ThreadMs     single-thread latency, milliseconds per frame
 * @param latencyMultiThreadMs multi-thread latency, milliseconds per frame
 * @param fps                  multi-thread throughput, frames per second
 * @param source               where the figures come from (a README URL at a commit), for the report's notes
 */
public record PublishedFigures(String modelId, Double paramsMillions, Double floatTop1Percent, Double quantTop1Percent,
        Double latency1ThreadMs, Double latencyMultiThreadMs, Double fps, String source) {
    public PublishedFigures {
        Objects.requireNonNull(modelId, "modelId");
    }

    /** Quantized minus float Top-1 in points, {@code null} when either is missing. */
    public Double deltaPoints() {
        return floatTop1Percent == null || quantTop1Percent == null ? null : quantTop1Percent - floatTop1Percent;
    }
}
