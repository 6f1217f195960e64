package org.rdkzoo.evaluator.report;

import java.util.Locale;

import org.rdkzoo.evaluator.stats.Interval;

/** How reports print numbers: always {@link Locale#ROOT}, "n/a" for undefined values. */
final class Numbers {
    static final String NA = "n/a";

    private Numbers() {
    }

    /** A fraction as percent with two decimals: 0.765 gives "76.50". */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? NA : String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    /** A signed difference of fractions in points: -0.0325 gives "-3.25", 0.01 gives "+1.00". */
    static String points(double fraction) {
        return Double.isNaN(fraction) ? NA : String.format(Locale.ROOT, "%+.2f", fraction * 100);
    }

    /** An interval of fractions in percent: "74.72-78.19". */
    static String percentRange(Interval ci) {
        return ci.defined() ? percent(ci.lower()) + "-" + percent(ci.upper()) : NA;
    }

    /** An interval of a difference, in signed points: "-5.12 to -1.30". */
    static String pointsRange(Interval ci) {
        return ci.defined() ? points(ci.lower()) + " to " + points(ci.upper()) : NA;
    }

    /** A rate with its interval: "80.00 (49.02-94.33)". */
    static String rate(double value, Interval ci) {
        return Double.isNaN(value) ? NA : percent(value) + " (" + percentRange(ci) + ")";
    }

    /** A delta with its interval: "-20.00 (-52.11 to +13.43)". */
    static String delta(double value, Interval ci) {
        return Double.isNaN(value) ? NA : points(value) + " (" + pointsRange(ci) + ")";
    }

    static String score(float s) {
        return Float.isNaN(s) ? NA : String.format(Locale.ROOT, "%.3f", s);
    }

    static String decimal(double v, int digits) {
        return Double.isNaN(v) ? NA : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A plain number for CSV: empty when undefined, full precision otherwise. */
    static String csv(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    static String csv(float v) {
        return Float.isNaN(v) || Float.isInfinite(v) ? "" : Float.toString(v);
    }
}
