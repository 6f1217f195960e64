package org.rdkzoo.evaluator.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The statistics against values published in the literature, to the 4 decimals they were printed
 * with. Sources are named beside each value.
 */
class StatisticsReferenceValuesTest {
    private static final Confidence C95 = Confidence.NINETY_FIVE;
    private static final double PRINTED = 0.00005 + 1e-12;

    @Test
    void normalQuantileComesFromTheDistribution() {
        assertEquals(1.959963984540054, C95.z(), 1e-12);
        assertEquals(2.5758293035489, Confidence.of(0.99).z(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Confidence.of(1.0));
    }

    /** Newcombe (1998) "Two-sided confidence intervals for the single proportion", Table I, method 3 (score). */
    @Test
    void wilsonIntervalMatchesNewcombe1998TableOne() {
        assertInterval(0.2553, 0.3662, Wilson.interval(81, 263, C95));
        assertInterval(0.0624, 0.1605, Wilson.interval(15, 148, C95));
        assertInterval(0.0000, 0.1611, Wilson.interval(0, 20, C95));
        assertInterval(0.0061, 0.1718, Wilson.interval(1, 29, C95));
    }

    @Test
    void wilsonIntervalIsExactAtTheEndsAndUndefinedWithoutTrials() {
        assertEquals(0.0, Wilson.interval(0, 20, C95).lower());
        assertEquals(1.0, Wilson.interval(20, 20, C95).upper());
        // By symmetry, 20/20 mirrors 0/20.
        assertEquals(1 - 0.1611, Wilson.interval(20, 20, C95).lower(), PRINTED);
        assertFalse(Wilson.interval(0, 0, C95).defined());
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2, C95));
    }

    /**
     * Complete response before and after consolidation therapy (Cavo et al. 2012), the worked example of
     * Fagerland, Lydersen and Laake (2017) "Statistical Analysis of Contingency Tables", chapter 8: the
     * table [[59, 6], [16, 80]] gives the Newcombe square-and-add estimate -0.0621 (95% CI -0.1186 to
     * -0.0046); the authors' R package contingencytables asserts the same in tests/testthat/test-ch8.R.
     */
    @Test
    void pairedIntervalMatchesTheCavoWorkedExample() {
        Interval ci = PairedDifference.interval(59, 6, 16, 80, C95);
        assertInterval(-0.1186, -0.0046, ci);
        assertTrue(ci.excludes(0.0));
    }

    @Test
    void pairedIntervalOfIdenticalRunsIsCentredOnZeroAndEmptyTableIsUndefined() {
        Interval same = PairedDifference.interval(70, 0, 0, 30, C95);
        assertTrue(same.lower() < 0 && same.upper() > 0, same.toString());
        assertEquals(-same.lower(), same.upper(), 1e-12);
        assertFalse(PairedDifference.interval(0, 0, 0, 0, C95).defined());
    }

    @Test
    void pairedIntervalStaysWithinMinusOneAndOneWhenEveryPairFlips() {
        Interval allLost = PairedDifference.interval(0, 0, 10, 0, C95);
        assertTrue(allLost.lower() >= -1 && allLost.upper() < 0, allLost.toString());
        Interval allGained = PairedDifference.interval(0, 10, 0, 0, C95);
        assertEquals(-allLost.lower(), allGained.upper(), 1e-12);
    }

    /**
     * Newcombe (1998) "Interval estimation for the difference between independent proportions", Table II,
     * example (a) 56/70 - 48/80, method 10: 0.0524 to 0.3339; and Fagerland et al. (2017) chapter 4,
     * 7/34 - 1/34: 0.1765 (95% CI 0.0189 to 0.3404) (contingencytables tests/testthat/test-ch4.R).
     */
    @Test
    void independentIntervalMatchesNewcombeHybridScoreExamples() {
        assertInterval(0.0524, 0.3339, IndependentDifference.interval(56, 70, 48, 80, C95));
        assertInterval(0.0189, 0.3404, IndependentDifference.interval(7, 34, 1, 34, C95));
        assertFalse(IndependentDifference.interval(1, 0, 1, 3, C95).defined());
    }

    /**
     * Airway hyper-responsiveness before and after stem cell transplantation (Bentur et al. 2009), the
     * example of Fagerland, Lydersen and Laake (2013) "The McNemar test for binary matched-pairs data",
     * BMC Medical Research Methodology 13:91: discordant pairs 1 and 7, exact conditional p = 0.070. By
     * hand: 2 * (C(8,0) + C(8,1)) / 2^8 = 18/256 = 0.0703125.
     */
    @Test
    void mcnemarExactMatchesTheBenturExample() {
        assertEquals(18.0 / 256, McNemar.exactPValue(1, 7), 1e-12);
        assertEquals(18.0 / 256, McNemar.exactPValue(7, 1), 1e-12);
    }

    /**
     * Cavo et al. (2012), discordant pairs 6 and 16, exact conditional p = 0.052 (Fagerland et al. 2013,
     * same paper). By hand: 2 * sum_{k=0..6} C(22,k) / 2^22 = 2 * 110056 / 4194304 = 0.0524788.
     */
    @Test
    void mcnemarExactMatchesTheCavoExample() {
        long tail = 0;
        long c = 1;
        for (int k = 0; k <= 6; k++) {
            tail += c;
            c = c * (22 - k) / (k + 1);
        }
        assertEquals(110056, tail);
        assertEquals(2.0 * tail / (1 << 22), McNemar.exactPValue(6, 16), 1e-12);
        assertEquals(0.052, McNemar.exactPValue(6, 16), 0.0005);
    }

    /**
     * Ties at the two modes of an odd number of discordant pairs: every outcome is as likely or less
     * than the observed one, so p = 1 (R: binom.test(2, 3) and binom.test(10, 21) both print p-value = 1).
     */
    @Test
    void mcnemarIsOneWhenTheObservedSplitIsTheMostLikelyOne() {
        assertEquals(1.0, McNemar.exactPValue(2, 1));
        assertEquals(1.0, McNemar.exactPValue(1, 2));
        assertEquals(1.0, McNemar.exactPValue(10, 11));
        assertEquals(1.0, McNemar.exactPValue(11, 10));
    }

    @Test
    void mcnemarWithoutDiscordantPairsIsOne() {
        assertEquals(1.0, McNemar.exactPValue(0, 0));
        assertEquals(1.0, McNemar.exactPValue(5, 5));
    }

    private static void assertInterval(double lower, double upper, Interval actual) {
        assertEquals(lower, actual.lower(), PRINTED, () -> "lower of " + actual);
        assertEquals(upper, actual.upper(), PRINTED, () -> "upper of " + actual);
    }
}
