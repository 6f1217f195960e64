package org.rdkzoo.evaluator.compare;

import org.rdkzoo.evaluator.stats.Confidence;

/**
 * @param intersect  compare the images both runs evaluated even when their datasets or subsets differ
 * @param threshold  the allowed Top-1 drop, {@code null} for none
 * @param confidence the level of every interval
 */
public record CompareOptions(boolean intersect, Threshold threshold, Confidence confidence) {
    public static CompareOptions defaults() {
        return new CompareOptions(false, null, Confidence.NINETY_FIVE);
    }
}
