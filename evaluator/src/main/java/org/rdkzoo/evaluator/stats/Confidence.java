package org.rdkzoo.evaluator.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence level and its standard normal quantile {@code z = Φ⁻¹(1 − α/2)}, taken from
 * Commons Statistics rather than a hard-coded 1.96.
 *
 * @param level the confidence level, strictly between 0 and 1 (0.95)
 * @param z     the matching standard normal quantile (1.959963984540054 for 0.95)
 */
public record Confidence(double level, double z) {
    /** The 95% level every rdkzoo report uses. */
    public static final Confidence NINETY_FIVE = of(0.95);

    public Confidence {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, was " + level);
        }
    }

    public static Confidence of(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, was " + level);
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new Confidence(level, z);
    }
}
