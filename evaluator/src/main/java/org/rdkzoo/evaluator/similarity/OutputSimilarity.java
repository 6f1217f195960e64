package org.rdkzoo.evaluator.similarity;

import java.util.Objects;

/**
 * Similarity of one model output, float against quantized, as hb_mapper prints it after the per-layer
 * table ("The quantized model output"). Cells that were not printed are {@code null}.
 *
 * @param output    output (or, in older logs, node) name
 * @param cosine    cosine similarity
 * @param l1        L1 distance
 * @param l2        L2 distance
 * @param chebyshev Chebyshev (max absolute) distance
 */
public record OutputSimilarity(String output, Double cosine, Double l1, Double l2, Double chebyshev) {
    public OutputSimilarity {
        Objects.requireNonNull(output, "output");
    }
}
