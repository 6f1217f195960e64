package org.rdkzoo.evaluator.compare;

/**
 * Two results that cannot be compared image by image: different datasets or subsets (unless asked to
 * intersect), or disagreeing ground truth. The message names the files, what differs and how much.
 */
public final class IncompatibleResultsException extends Exception {
    public IncompatibleResultsException(String message) {
        super(message);
    }
}
