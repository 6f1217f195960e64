package org.rdkzoo.evaluator.stats;

/**
 * The Wilson score interval for a single binomial proportion (Wilson 1927; method 3 of Newcombe 1998,
 * "Two-sided confidence intervals for the single proportion: comparison of seven methods", Statistics
 * in Medicine 17:857-872). Chosen over the Wald interval because it stays inside [0, 1] and keeps its
 * coverage near 0 and 1, where Top-5 accuracies and small per-class counts live.
 */
public final class Wilson {
    private Wilson() {
    }

    /**
     * The interval for {@code successes} out of {@code trials}; {@link Interval#UNDEFINED} when there
     * are no trials.
     */
    public static Interval interval(long successes, long trials, Confidence confidence) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in 0.." + trials + ", was " + successes);
        }
        if (trials == 0) {
            return Interval.UNDEFINED;
        }
        double n = trials;
        double x = successes;
        double z = confidence.z();
        double z2 = z * z;
        // Newcombe's closed form: (2x + z² ± z·√(z² + 4x(1 − x/n))) / (2(n + z²)); exact 0 and 1 at the ends.
        double root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
        double denominator = 2 * (n + z2);
        double lower = successes == 0 ? 0 : (2 * x + z2 - root) / denominator;
        double upper = successes == trials ? 1 : (2 * x + z2 + root) / denominator;
        return new Interval(Math.max(0, lower), Math.min(1, upper));
    }
}
