package org.rdkzoo.evaluator.report;

import org.rdkzoo.evaluator.compare.Comparison;

/** Renders a {@link Comparison} in any {@link ReportFormat}; every format is computed from the same value. */
public final class ComparisonReports {
    private ComparisonReports() {
    }

    public static String render(Comparison comparison, ReportFormat format, RenderOptions options) {
        return switch (format) {
            case TEXT -> ComparisonText.render(comparison, options);
            case MD -> ComparisonMarkdown.render(comparison, options);
            case JSON -> ReportJson.write(comparison);
            case CSV -> ComparisonCsv.render(comparison);
            case HTML -> ComparisonHtml.render(comparison, options);
        };
    }
}
