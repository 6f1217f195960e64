package org.rdkzoo.evaluator.compare;

import java.util.Locale;

import org.rdkzoo.evaluator.stats.Interval;

/**
 * The answer to "did B lose too much Top-1 against A?", with the numbers that decide it.
 *
 * @param status        the outcome
 * @param threshold     the allowance, {@code null} when none was given
 * @param dropPoints    A's Top-1 minus B's, in points (negative when B is better); NaN without images
 * @param dropInterval  its confidence interval, in points
 * @param allowedPoints the allowance in points (NaN without a threshold)
 * @param significant   whether the interval of the change excludes zero
 * @param pValue        McNemar's exact p-value for Top-1
 * @param summary       one sentence for people, the same in every format
 */
public record Verdict(Status status, Threshold threshold, double dropPoints, Interval dropInterval,
        double allowedPoints, boolean significant, double pValue, String summary) {

    /**
     * Points by which a drop may exceed an allowance and still be within it: a drop of exactly the allowance
     * passes, whatever the rounding of n/N * 100 (64% - 63% is 1.0000000000000009 points). Far below one image.
     */
    public static final double TOLERANCE = 1e-9;

    public enum Status {
        /** No threshold was given: the figures are reported, nothing is judged. */
        NONE,
        PASS,
        /** The threshold is exceeded: {@code compare} exits with code 3. */
        FAIL,
        /** A threshold was given but there is nothing to judge (no paired images). */
        UNDETERMINED
    }

    public boolean exceeded() {
        return status == Status.FAIL;
    }

    /** One line for a failed gate: the figure the rule judged, in points, against the allowance. */
    public String exceededMessage() {
        if (threshold == null) {
            return "no threshold";
        }
        String figure = switch (threshold.rule()) {
            case POINT -> String.format(Locale.ROOT, "Top-1 drop of %.2f points", dropPoints);
            case UPPER_BOUND -> String.format(Locale.ROOT, "upper limit of the Top-1 drop, %.2f points,",
                    dropInterval.upper());
            case LOWER_BOUND -> String.format(Locale.ROOT, "lower limit of the Top-1 drop, %.2f points,",
                    dropInterval.lower());
        };
        return String.format(Locale.ROOT, "%s %s the %.2f allowed (%s, --verdict %s)", figure,
                exceeded() ? "exceeds" : "is within", allowedPoints, threshold.describe(), threshold.rule().option());
    }

    /**
     * Judges {@code drop} (points, with its interval) against {@code threshold}.
     *
     * @param referenceTop1 A's Top-1 as a fraction, for a relative threshold
     */
    public static Verdict judge(Threshold threshold, double referenceTop1, double drop, Interval dropInterval,
            double pValue, double confidence) {
        boolean significant = dropInterval.excludes(0);
        String change = change(drop, dropInterval, significant, pValue, confidence);
        if (threshold == null) {
            String s = Double.isNaN(drop) ? "No paired images: nothing to compare." : change + ".";
            return new Verdict(Status.NONE, null, drop, dropInterval, Double.NaN, significant, pValue, s);
        }
        double allowed = threshold.allowedPoints(referenceTop1);
        String allowance = allowance(threshold, referenceTop1, allowed);
        if (Double.isNaN(drop) || Double.isNaN(allowed)) {
            return new Verdict(Status.UNDETERMINED, threshold, drop, dropInterval, allowed, false, pValue,
                    "UNDETERMINED: no paired images, nothing to judge against " + threshold.describe() + ".");
        }
        double decisive = switch (threshold.rule()) {
            case POINT -> drop;
            case UPPER_BOUND -> dropInterval.upper();
            case LOWER_BOUND -> dropInterval.lower();
        };
        boolean fail = decisive > allowed + TOLERANCE;
        String judged = switch (threshold.rule()) {
            case POINT -> "the measured drop";
            case UPPER_BOUND -> String.format(Locale.ROOT, "the upper %.0f%% limit of the drop, %.2f", confidence * 100,
                    decisive);
            case LOWER_BOUND -> String.format(Locale.ROOT, "the lower %.0f%% limit of the drop, %.2f", confidence * 100,
                    decisive);
        };
        String summary = (fail ? "FAIL: " : "PASS: ") + change + "; " + judged + (fail ? " exceeds " : " is within ")
                + allowance + ".";
        return new Verdict(fail ? Status.FAIL : Status.PASS, threshold, drop, dropInterval, allowed, significant,
                pValue, summary);
    }

    private static String change(double drop, Interval ci, boolean significant, double p, double confidence) {
        if (Double.isNaN(drop)) {
            return "no paired images";
        }
        String interval = String.format(Locale.ROOT, "%.0f%% CI of the drop %.2f to %.2f", confidence * 100,
                ci.lower(), ci.upper());
        String amount = String.format(Locale.ROOT, "%.2f points", Math.abs(drop));
        String head = drop > 0 ? "Top-1 dropped by " + amount : drop < 0 ? "Top-1 rose by " + amount
                : "Top-1 did not change";
        head += " (" + interval + ")";
        return head + ", " + (significant ? "significant" : "not significant") + " (McNemar exact p = "
                + formatP(p) + ")";
    }

    private static String allowance(Threshold t, double referenceTop1, double allowed) {
        if (t.kind() == Threshold.Kind.ABSOLUTE) {
            return String.format(Locale.ROOT, "the %.2f points allowed (%s)", allowed, t.describe());
        }
        return String.format(Locale.ROOT, "the %.2f points allowed (%s of A's %.2f)", allowed, t.describe(),
                referenceTop1 * 100);
    }

    /** A p-value as reports print it: 4 decimals, scientific below 0.0001, "n/a" when undefined. */
    public static String formatP(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p >= 0.0001) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
        return String.format(Locale.ROOT, "%.1e", p);
    }
}
