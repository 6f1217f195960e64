package org.rdkzoo.evaluator.report;

/** Renders a {@link ZooReport} as Markdown, CSV, JSON or HTML. */
public final class ZooReports {
    private ZooReports() {
    }

    /** @throws IllegalArgumentException for {@link ReportFormat#TEXT}: the table is too wide for a terminal */
    public static String render(ZooReport report, ReportFormat format) {
        return switch (format) {
            case MD -> ZooReportMarkdown.render(report);
            case CSV -> ZooReportCsv.render(report);
            case JSON -> ReportJson.write(report);
            case HTML -> ZooReportHtml.render(report);
            case TEXT -> throw new IllegalArgumentException("the zoo report renders as md, csv, json or html");
        };
    }
}
