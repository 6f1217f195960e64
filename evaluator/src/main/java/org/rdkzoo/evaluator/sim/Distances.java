package org.rdkzoo.evaluator.sim;

import java.nio.FloatBuffer;

/**
 * How far a simulated tensor is from its float reference, accumulated over samples, in the four figures
 * hb_mapper prints for each output. Per sample, with {@code d = sim - float} over the tensor's n elements:
 * <ul>
 * <li><b>cosine</b>: {@code sum(a*b) / (|a| |b|)} (1 when both are all zeros, 0 when only one is);</li>
 * <li><b>L1</b>: {@code sum|d| / n}, the mean absolute difference;</li>
 * <li><b>L2</b>: {@code sqrt(sum d^2) / n}, the Euclidean distance divided by the element count;</li>
 * <li><b>Chebyshev</b>: {@code max|d|}.</li>
 * </ul>
 * hb_mapper's example row ({@code output0 0.952623 0.723058 0.029104 3.705106}, 1000 logits) fits these:
 * its L2 is far below its Chebyshev, so it cannot be the plain Euclidean norm, and {@code 0.029104 * 1000}
 * gives an RMS difference of {@code 29.1 / sqrt(1000) = 0.92}, just above the 0.72 mean absolute difference,
 * as an RMS must be. Over several samples, cosine, L1 and L2 are the means of the per-sample figures and
 * Chebyshev the largest.
 */
public final class Distances {
    private int samples;
    private double cosine;
    private double l1;
    private double l2;
    private double chebyshev;

    /** Adds one sample: {@code reference} (float) against {@code candidate} (simulated), equal lengths. */
    public void add(float[] reference, FloatBuffer candidate) {
        int n = reference.length;
        if (candidate.remaining() != n) {
            throw new IllegalArgumentException("the tensors differ in size: " + n + " and " + candidate.remaining());
        }
        int base = candidate.position();
        double dot = 0;
        double aa = 0;
        double bb = 0;
        double abs = 0;
        double sq = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double a = reference[i];
            double b = candidate.get(base + i);
            dot += a * b;
            aa += a * a;
            bb += b * b;
            double d = Math.abs(b - a);
            abs += d;
            sq += d * d;
            if (d > max) {
                max = d;
            }
        }
        cosine += cosine(dot, aa, bb);
        l1 += n == 0 ? 0 : abs / n;
        l2 += n == 0 ? 0 : Math.sqrt(sq) / n;
        chebyshev = Math.max(chebyshev, max);
        samples++;
    }

    public void add(float[] reference, float[] candidate) {
        add(reference, FloatBuffer.wrap(candidate));
    }

    static double cosine(double dot, double aa, double bb) {
        if (aa == 0 && bb == 0) {
            return 1;
        }
        if (aa == 0 || bb == 0) {
            return 0;
        }
        return dot / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    public int samples() {
        return samples;
    }

    /** Mean cosine similarity over the samples; NaN when none. */
    public double cosine() {
        return samples == 0 ? Double.NaN : cosine / samples;
    }

    public double l1() {
        return samples == 0 ? Double.NaN : l1 / samples;
    }

    public double l2() {
        return samples == 0 ? Double.NaN : l2 / samples;
    }

    public double chebyshev() {
        return samples == 0 ? Double.NaN : chebyshev;
    }
}
