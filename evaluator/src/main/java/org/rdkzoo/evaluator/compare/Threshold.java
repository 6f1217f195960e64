package org.rdkzoo.evaluator.compare;

import java.util.Locale;

/**
 * How much Top-1 the candidate (B) may lose against the reference (A), and how the drop is judged.
 *
 * @param kind  absolute points of Top-1, or a fraction of A's Top-1
 * @param value the allowed drop: points for {@link Kind#ABSOLUTE}, a fraction (0.02) for {@link Kind#RELATIVE}
 * @param rule  which figure of the drop is held against the allowance
 */
public record Threshold(Kind kind, double value, Rule rule) {
    public enum Kind {
        /** {@code --max-drop}: points of Top-1 (1.0 = one percentage point). */
        ABSOLUTE,
        /** {@code --max-drop-rel}: a fraction of A's Top-1 (0.02 = 2% of it). */
        RELATIVE
    }

    /** Which figure of the drop decides. */
    public enum Rule {
        /** The measured drop (the default, what the zoo's tables report). */
        POINT,
        /**
         * The upper limit of the drop's confidence interval: passes only when the data show, at the
         * report's confidence, that the drop is within the allowance. Strict; right for release gates
         * on large evaluation sets.
         */
        UPPER_BOUND,
        /**
         * The lower limit: fails only when the drop is significantly larger than the allowance. Lenient;
         * right for CI on small subsets where the point estimate is noise.
         */
        LOWER_BOUND;

        public String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Threshold {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the allowed drop must be a finite number >= 0, was " + value);
        }
        if (kind == Kind.RELATIVE && value > 1) {
            throw new IllegalArgumentException("--max-drop-rel is a fraction of A's Top-1 (0.02 for 2%), was " + value);
        }
        if (kind == Kind.ABSOLUTE && value > 100) {
            throw new IllegalArgumentException("--max-drop is in points of Top-1 (0..100), was " + value);
        }
    }

    /** The allowed drop in points, given A's Top-1 as a fraction. */
    public double allowedPoints(double referenceTop1) {
        return kind == Kind.ABSOLUTE ? value : value * referenceTop1 * 100;
    }

    /** The option as the user would write it. */
    public String describe() {
        return (kind == Kind.ABSOLUTE ? "--max-drop " : "--max-drop-rel ") + trim(value);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
