package org.rdkzoo.evaluator.stats;

/**
 * A two-sided confidence interval. Both ends are {@code NaN} when the interval is undefined (no
 * observations).
 *
 * @param lower the lower limit
 * @param upper the upper limit
 */
public record Interval(double lower, double upper) {
    /** The interval of an estimate made from no data. */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** True when {@code value} lies strictly outside the interval: a difference from it is significant. */
    public boolean excludes(double value) {
        return defined() && (value < lower || value > upper);
    }

    /** This interval with both ends multiplied by {@code factor} (a negative factor swaps the ends). */
    public Interval scaled(double factor) {
        double a = lower * factor;
        double b = upper * factor;
        return new Interval(Math.min(a, b), Math.max(a, b));
    }
}
