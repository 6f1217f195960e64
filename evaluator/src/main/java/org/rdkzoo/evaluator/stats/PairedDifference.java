package org.rdkzoo.evaluator.stats;

/**
 * Confidence interval for the difference of two proportions measured on the same items (paired
 * binary outcomes), by Newcombe's square-and-add method built on Wilson score intervals: method 10 of
 * Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions
 * based on paired data", Statistics in Medicine 17:2635-2650, with the continuity-corrected
 * correlation estimate as given in Fagerland, Lydersen and Laake (2014), "Recommended tests and
 * confidence intervals for paired binomial proportions", Statistics in Medicine 33:2850-2875, and
 * their book "Statistical Analysis of Contingency Tables" (2017), section 8.
 *
 * <p>Why this method: it is closed form, never leaves [-1, 1], behaves well when the discordant counts
 * are small (a quantized model that flips a handful of images), and is one of the intervals those
 * authors recommend. The Wald interval for paired data has poor coverage exactly there.
 *
 * <p>The table, for a reference run R and a candidate run C on the same N images:
 * <pre>
 *                  R right   R wrong
 *     C right        n11       n12      (n12 = gained)
 *     C wrong        n21       n22      (n21 = lost)
 * </pre>
 * The estimate is {@code (n12 − n21) / N}, candidate minus reference.
 */
public final class PairedDifference {
    private PairedDifference() {
    }

    /**
     * The interval for C − R from the paired 2x2 table; {@link Interval#UNDEFINED} when it is empty.
     *
     * @param bothRight n11, both runs right
     * @param gained    n12, candidate right where the reference was wrong
     * @param lost      n21, candidate wrong where the reference was right
     * @param bothWrong n22, both wrong
     */
    public static Interval interval(long bothRight, long gained, long lost, long bothWrong, Confidence confidence) {
        if (bothRight < 0 || gained < 0 || lost < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + bothRight + ", " + gained + ", "
                    + lost + ", " + bothWrong);
        }
        long n = bothRight + gained + lost + bothWrong;
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        long candidateRight = bothRight + gained;
        long candidateWrong = lost + bothWrong;
        long referenceRight = bothRight + lost;
        long referenceWrong = gained + bothWrong;
        double p1 = (double) candidateRight / n;
        double p2 = (double) referenceRight / n;
        double estimate = p1 - p2;
        Interval w1 = Wilson.interval(candidateRight, n, confidence);
        Interval w2 = Wilson.interval(referenceRight, n, confidence);

        // The correlation between the two marginal proportions, with the continuity correction of
        // Newcombe's method 10: an association no larger than N/2 counts as none.
        double phi = 0;
        if (candidateRight > 0 && candidateWrong > 0 && referenceRight > 0 && referenceWrong > 0) {
            double a = (double) bothRight * bothWrong - (double) gained * lost;
            double product = (double) candidateRight * candidateWrong * referenceRight * referenceWrong;
            if (a > n / 2.0) {
                phi = (a - n / 2.0) / Math.sqrt(product);
            } else if (a < 0) {
                phi = a / Math.sqrt(product);
            }
        }
        double dl1 = p1 - w1.lower();
        double du1 = w1.upper() - p1;
        double dl2 = p2 - w2.lower();
        double du2 = w2.upper() - p2;
        double lower = estimate - Math.sqrt(Math.max(0, dl1 * dl1 + du2 * du2 - 2 * phi * dl1 * du2));
        double upper = estimate + Math.sqrt(Math.max(0, dl2 * dl2 + du1 * du1 - 2 * phi * dl2 * du1));
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }
}
