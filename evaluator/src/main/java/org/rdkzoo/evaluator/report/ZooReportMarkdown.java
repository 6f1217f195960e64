package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;

/** The zoo table as Markdown: measured rows, each model followed by the zoo's published row. */
final class ZooReportMarkdown {
    private ZooReportMarkdown() {
    }

    static String render(ZooReport report) {
        StringBuilder out = new StringBuilder("### rdkzoo report\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < report.rows().size(); i++) {
            ZooReport.Row r = report.rows().get(i);
            rows.add(escape(ZooTables.measured(r)));
            if (r.published() != null && ZooTables.lastOfModel(report.rows(), i)) {
                List<String> zoo = escape(ZooTables.published(r));
                List<String> italic = new ArrayList<>();
                zoo.forEach(c -> italic.add(c.isEmpty() ? c : "*" + c + "*"));
                rows.add(italic);
            }
        }
        out.append(Markdown.table(ZooTables.HEADERS, rows)).append('\n');
        out.append(Markdown.escape(ZooTables.legend(report))).append('\n');
        for (String note : report.notes()) {
            out.append("\n- ").append(Markdown.escape(note));
        }
        if (!report.notes().isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String> escape(List<String> cells) {
        return cells.stream().map(Markdown::escape).toList();
    }
}
