package org.rdkzoo.evaluator.stats;

import org.apache.commons.statistics.inference.BinomialTest;

/**
 * McNemar's exact (conditional) test for paired binary outcomes: under the null hypothesis that both
 * runs are equally accurate, each discordant pair is equally likely to fall either way, so the number
 * of pairs lost among the {@code lost + gained} discordant ones is Binomial(lost + gained, 1/2). The
 * p-value is the two-sided exact binomial test from Commons Statistics (the same as R's
 * {@code binom.test(lost, lost + gained)} and {@code exact2x2::mcnemar.exact}).
 */
public final class McNemar {
    private static final BinomialTest TEST = BinomialTest.withDefaults();

    private McNemar() {
    }

    /** The two-sided exact p-value; 1 when there is no discordant pair (nothing contradicts equality). */
    public static double exactPValue(int lost, int gained) {
        if (lost < 0 || gained < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: " + lost + ", " + gained);
        }
        return TEST.test(lost + gained, lost, 0.5).getPValue();
    }
}
