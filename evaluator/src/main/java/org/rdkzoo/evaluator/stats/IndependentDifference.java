package org.rdkzoo.evaluator.stats;

/**
 * Confidence interval for the difference of two proportions measured on different samples: Newcombe's
 * hybrid score interval, method 10 of Newcombe (1998), "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17:873-890. The report
 * uses it only when a float and a quantized result cannot be paired image by image; paired data get
 * the tighter {@link PairedDifference}.
 */
public final class IndependentDifference {
    private IndependentDifference() {
    }

    /**
     * The interval for {@code x1/n1 − x2/n2}; {@link Interval#UNDEFINED} when either sample is empty.
     */
    public static Interval interval(long x1, long n1, long x2, long n2, Confidence confidence) {
        if (n1 == 0 || n2 == 0) {
            return Interval.UNDEFINED;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = Wilson.interval(x1, n1, confidence);
        Interval w2 = Wilson.interval(x2, n2, confidence);
        double estimate = p1 - p2;
        double lower = estimate - Math.hypot(p1 - w1.lower(), w2.upper() - p2);
        double upper = estimate + Math.hypot(w1.upper() - p1, p2 - w2.lower());
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }
}
