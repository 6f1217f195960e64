package org.rdkzoo.evaluator.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * McNemar's exact (conditional) test for paired binary outcomes: under the null hypothesis that both
 * runs are equally accurate, each discordant pair is equally likely to fall either way, so the number
 * of pairs lost among the {@code lost + gained} discordant ones is Binomial(lost + gained, 1/2). The
 * two-sided p-value equals R's {@code binom.test(lost, lost + gained)} and
 * {@code exact2x2::mcnemar.exact}.
 *
 * <p>Computed as twice the smaller one-sided tail from Commons Statistics' {@link BinomialTest}, capped
 * at 1: exact for p = 1/2, whose distribution is symmetric. Not the library's two-sided mode, because
 * in 1.2 it compares the probabilities of the two modes of an odd n in floating point and can drop a
 * tie: {@code test(3, 2, 0.5)} gives 0.625 where the exact value is 1.
 */
public final class McNemar {
    private static final BinomialTest LOWER_TAIL = BinomialTest.withDefaults().with(AlternativeHypothesis.LESS_THAN);

    private McNemar() {
    }

    /** The two-sided exact p-value; 1 when there is no discordant pair (nothing contradicts equality). */
    public static double exactPValue(int lost, int gained) {
        if (lost < 0 || gained < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: " + lost + ", " + gained);
        }
        int n = lost + gained;
        if (n == 0) {
            return 1;
        }
        double tail = LOWER_TAIL.test(n, Math.min(lost, gained), 0.5).getPValue();
        return Math.min(1, 2 * tail);
    }
}
