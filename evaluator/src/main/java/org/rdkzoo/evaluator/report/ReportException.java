package org.rdkzoo.evaluator.report;

/** Inputs a report cannot be made from (ambiguous pairing, a {@code --pair} naming an unknown file). */
public final class ReportException extends Exception {
    public ReportException(String message) {
        super(message);
    }
}
