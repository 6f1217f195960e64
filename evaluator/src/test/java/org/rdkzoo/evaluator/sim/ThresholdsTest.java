package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The calibration methods on distributions whose answers are known. */
class ThresholdsTest {
    private static final NormalDistribution GAUSS = NormalDistribution.of(0, 1);

    /** 2,000,000 N(0, 1) values and 20 outliers at +-40 (first, so the range is fixed from the start). */
    private static Histogram gaussianWithOutliers() {
        return gaussianWithOutliers(20);
    }

    private static Histogram gaussianWithOutliers(int count) {
        Histogram h = new Histogram();
        float[] outliers = new float[count];
        for (int i = 0; i < outliers.length; i++) {
            outliers[i] = i % 2 == 0 ? 40f : -40f;
        }
        h.add(outliers);
        Random r = new Random(5);
        float[] chunk = new float[100_000];
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (float) r.nextGaussian();
            }
            h.add(chunk);
        }
        return h;
    }

    private static Histogram uniform(double a) {
        Histogram h = new Histogram();
        Random r = new Random(9);
        float[] chunk = new float[100_000];
        for (int k = 0; k < 10; k++) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (float) ((2 * r.nextDouble() - 1) * a);
            }
            h.add(chunk);
        }
        return h;
    }

    @Test
    void maxIsTheLargestMagnitudeOutliersIncluded() {
        assertEquals(40.0, Thresholds.max(gaussianWithOutliers()), 0);
        assertEquals(3.0, Thresholds.max(uniform(3)), 1e-4);
    }

    @Test
    void percentileMatchesTheNormalQuantileOfTheMagnitude() {
        Histogram h = gaussianWithOutliers();
        for (double p : new double[] {0.99, 0.999, 0.9999}) {
            // P(|X| <= z) = p for the 2,000,000 Gaussian values; the 20 outliers (1e-5 of the mass) sit above
            // every quantile asked for, so the target count shifts by that much.
            double share = (p * h.count() - 0) / 2_000_000.0;
            double z = GAUSS.inverseCumulativeProbability(0.5 + share / 2);
            assertEquals(z, Thresholds.percentile(h, p), 0.02 * z, "p = " + p);
        }
        assertEquals(0.99 * 3, Thresholds.percentile(uniform(3), 0.99), 0.01 * 3);
        assertEquals(40.0, Thresholds.percentile(h, 1.0), 0, "p = 1 is max");
    }

    @Test
    void klClipsTheOutliersNearTheMseOptimalClippingOfTheGaussian() {
        double kl = Thresholds.kl(gaussianWithOutliers());
        double optimal = mseOptimalGaussianClip(127);
        assertTrue(kl > 0.5 * optimal && kl < 1.5 * optimal, "kl " + kl + ", MSE-optimal clip " + optimal);
        assertTrue(kl < 40.0 / 4, "far below the outliers");
    }

    @Test
    void klKeepsNearlyTheWholeRangeOfAUniformDistribution() {
        // Nothing to gain by clipping a flat histogram: every clipped value costs as much as any other.
        double kl = Thresholds.kl(uniform(3));
        assertTrue(kl > 0.9 * 3 && kl <= 3.0 + 1e-6, "kl " + kl);
    }

    @Test
    void mixTakesKlWhenOutliersAreRareEnoughToClip() {
        // At threshold 40 every value pays the rounding noise of a 40/127 step, (40/127)^2/12 = 0.0083; at the kl
        // threshold (about 5) the outliers pay their clipping, 35^2 each. Two outliers in 2,000,000 cost 0.0012:
        // clip them. Two hundred cost 0.12: keep them.
        Histogram rare = gaussianWithOutliers(2);
        assertEquals(Thresholds.kl(rare), Thresholds.mix(rare), 0);
        assertTrue(Thresholds.kl(rare) < 10);
        Histogram many = gaussianWithOutliers(200);
        assertEquals(40.0, Thresholds.mix(many), 0);
        Histogram flat = uniform(3);
        double max = Thresholds.max(flat);
        double byKl = Thresholds.kl(flat);
        assertEquals(Thresholds.expectedSquaredError(flat, max, 127) <= Thresholds.expectedSquaredError(flat, byKl, 127)
                ? max : byKl, Thresholds.mix(flat), 0);
    }

    @Test
    void expectedSquaredErrorIsRoundingNoiseInsideAndClippingOutside() {
        Histogram h = new Histogram();
        h.add(new float[] {4096f}); // range 4096: bins of width 1
        h.add(new float[] {0.5f, 0.5f, 10.5f});
        // Threshold 5, 127 steps: step 5/127. Bin centres 0.5 (x2, inside), 10.5 (clipped by 5.5), 4095.5 (clipped).
        double step = 5.0 / 127;
        double expected = (2 * step * step / 12 + 5.5 * 5.5 + 4090.5 * 4090.5) / 4;
        assertEquals(expected, Thresholds.expectedSquaredError(h, 5, 127), 1e-9);
    }

    /** The clipping value that minimises the int8 quantization MSE of N(0, 1), by numerical integration. */
    private static double mseOptimalGaussianClip(int levels) {
        double best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (double a = 2.0; a <= 6.0; a += 0.01) {
            double step = a / levels;
            double inside = (2 * GAUSS.cumulativeProbability(a) - 1) * step * step / 12;
            double clipped = 0;
            double dx = 0.001;
            for (double x = a; x < a + 10; x += dx) {
                clipped += 2 * (x - a) * (x - a) * GAUSS.density(x + dx / 2) * dx;
            }
            double error = inside + clipped;
            if (error < bestError) {
                bestError = error;
                best = a;
            }
        }
        return best;
    }
}
