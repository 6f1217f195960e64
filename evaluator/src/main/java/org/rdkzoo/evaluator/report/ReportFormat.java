package org.rdkzoo.evaluator.report;

/** The formats reports render to. */
public enum ReportFormat {
    /** Aligned tables for a terminal (ASCII only, whatever the locale). */
    TEXT,
    /** GitHub-flavoured Markdown, to paste into a README or a pull request. */
    MD,
    /** Everything, machine-readable; undefined figures are {@code null}. */
    JSON,
    /** One row per item (per image for compare, per model for report), RFC 4180. */
    CSV,
    /** One self-contained page: inline SVG charts, no network, no external files. */
    HTML;

    /** The usual file extension. */
    public String extension() {
        return this == TEXT ? "txt" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
