package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.report.ZooReport.Row;

/**
 * The zoo table as one self-contained page: a sortable table (measured figures, the zoo's published ones
 * beneath each in small type), a chart of the Top-1 change with its interval per row and the zoo's
 * published change as a hollow diamond, and the input files with their hashes.
 */
final class ZooReportHtml {
    /** Turns each header into a sort button; unknown values sort last in either direction. */
    static final String SCRIPT = String.join("\n",
            "(function () {",
            "  'use strict';",
            "  var table = document.getElementById('zoo-table');",
            "  if (table) {",
            "    var body = table.tBodies[0];",
            "    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);",
            "    heads.forEach(function (th, col) {",
            "      var button = document.createElement('button');",
            "      button.type = 'button';",
            "      button.className = 'sort';",
            "      button.textContent = th.textContent;",
            "      button.addEventListener('click', function () {",
            "        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;",
            "        var rows = Array.prototype.slice.call(body.rows);",
            "        rows.sort(function (r1, r2) {",
            "          var a = r1.cells[col].getAttribute('data-sort') || '';",
            "          var b = r2.cells[col].getAttribute('data-sort') || '';",
            "          if (a === '' || b === '') { return a === b ? 0 : (a === '' ? 1 : -1); }",
            "          var x = parseFloat(a);",
            "          var y = parseFloat(b);",
            "          if (isNaN(x) || isNaN(y)) { return dir * a.localeCompare(b); }",
            "          return dir * (x - y);",
            "        });",
            "        rows.forEach(function (r) { body.appendChild(r); });",
            "        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });",
            "        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');",
            "      });",
            "      th.textContent = '';",
            "      th.appendChild(button);",
            "    });",
            "  }",
            "  document.body.setAttribute('data-script', 'ran');",
            "})();");

    private static final String STYLE = Html.STYLE + "\n.zoo-fig{display:block;color:#8a4b00;font-size:11px}"
            + "button.sort{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}"
            + ".scroll{overflow-x:auto}#zoo-table td{white-space:nowrap}tr.sim{background:#fbf7f0}";

    private ZooReportHtml() {
    }

    static String render(ZooReport report) {
        StringBuilder out = new StringBuilder();
        out.append(Html.head("rdkzoo report", STYLE, SCRIPT));
        out.append("<body>\n<header><h1>rdkzoo report</h1><p class=\"sub\">").append(report.rows().size())
                .append(" row").append(report.rows().size() == 1 ? "" : "s").append(", measured beside the zoo's published"
                        + " figures</p></header>\n");
        table(out, report);
        out.append("<p class=\"note\">").append(Html.escape(ZooTables.legend(report))).append("</p>\n");
        if (!report.notes().isEmpty()) {
            out.append("<ul id=\"notes\">\n");
            report.notes().forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>\n"));
            out.append("</ul>\n");
        }
        chart(out, report);
        inputs(out, report.provenance());
        out.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, ZooReport report) {
        out.append("<section id=\"table\"><h2>Models</h2>\n<div class=\"scroll\"><table id=\"zoo-table\">\n<thead><tr>");
        for (String h : ZooTables.HEADERS) {
            boolean right = h.startsWith(">");
            out.append(right ? "<th class=\"num\">" : "<th>").append(Html.escape(right ? h.substring(1) : h))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Row r : report.rows()) {
            List<String> cells = ZooTables.measured(r);
            List<String> zoo = r.published() == null ? null : ZooTables.published(r);
            List<String> sort = sortKeys(r);
            out.append("<tr").append(r.simulated() ? " class=\"sim\"" : "").append(">");
            for (int i = 0; i < cells.size(); i++) {
                boolean right = ZooTables.HEADERS.get(i).startsWith(">");
                out.append("<td").append(right ? " class=\"num\"" : "").append(" data-sort=\"")
                        .append(Html.escape(sort.get(i))).append("\">").append(Html.escape(cells.get(i)));
                // The zoo's latency and FPS are board figures: never beside a simulated row.
                boolean boardOnly = i >= 9 && r.simulated();
                if (zoo != null && i >= 4 && !boardOnly && !zoo.get(i).isEmpty()) {
                    out.append("<span class=\"zoo-fig\">zoo: ").append(Html.escape(zoo.get(i))).append("</span>");
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** What each column sorts by: numbers where there are numbers, empty when unknown. */
    private static List<String> sortKeys(Row r) {
        List<String> k = new ArrayList<>();
        k.add(r.model());
        k.add(r.backend() == null ? "" : r.backend());
        k.add(r.inputSize() == null ? "" : r.inputSize());
        k.add(r.classes() == null ? "" : r.classes().toString());
        k.add(r.params() == null ? "" : r.params().toString());
        k.add(r.floatRun() == null ? "" : Numbers.csv(r.floatRun().top1Percent()));
        k.add(r.quantRun() == null ? "" : Numbers.csv(r.quantRun().top1Percent()));
        k.add(r.delta() == null ? "" : Numbers.csv(r.delta().points()));
        k.add(r.delta() != null ? Integer.toString(r.delta().images()) : r.floatRun() != null
                ? Integer.toString(r.floatRun().images()) : r.quantRun() != null ? Integer.toString(r.quantRun().images())
                : "");
        k.add(r.bench() == null ? "" : Numbers.csv(r.bench().latency1ThreadMs()));
        k.add(r.bench() == null ? "" : Numbers.csv(r.bench().latencyMultiThreadMs()));
        k.add(r.bench() == null ? "" : Numbers.csv(r.bench().fps()));
        return k;
    }

    private static void chart(StringBuilder out, ZooReport report) {
        List<Svg.Range> ranges = new ArrayList<>();
        double span = 1;
        for (Row r : report.rows()) {
            if (r.delta() == null) {
                continue;
            }
            ZooReport.Delta d = r.delta();
            Double zoo = r.published() == null || r.simulated() ? null : r.published().deltaPoints();
            String label = r.model() + " " + ZooTables.backend(r);
            ranges.add(new Svg.Range(label.length() > 34 ? label.substring(0, 33) + "..." : label, d.points(),
                    d.interval().lower(), d.interval().upper(), zoo == null ? Double.NaN : zoo, label + ": "
                            + ZooTables.delta(d) + " points" + (zoo == null ? "" : String.format(Locale.ROOT,
                                    "; zoo %+.2f", zoo))));
            for (double v : new double[] {d.interval().lower(), d.interval().upper(), zoo == null ? 0 : zoo}) {
                if (!Double.isNaN(v)) {
                    span = Math.max(span, Math.abs(v));
                }
            }
        }
        out.append("<section id=\"changes\"><h2>Top-1 change, quantized minus float</h2>\n");
        if (ranges.isEmpty()) {
            out.append("<p>No model has both a float and a quantized result.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"note\">Points with 95% intervals; hollow diamonds are the zoo's published change.</p>\n");
        span = Math.ceil(span);
        out.append(Svg.ranges("delta-chart", "Top-1 change per model, points", ranges, -span, span, Double.NaN, "",
                true));
        out.append("</section>\n");
    }

    private static void inputs(StringBuilder out, Provenance p) {
        out.append("<section id=\"inputs\"><h2>Inputs and provenance</h2>\n<table id=\"inputs-table\" class=\"wide\">\n"
                + "<thead><tr><th>file</th><th>sha256</th></tr></thead>\n<tbody>\n");
        for (Provenance.InputFile f : p.inputs()) {
            out.append("<tr><td class=\"mono\">").append(Html.escape(f.path())).append("</td><td class=\"mono\">")
                    .append(Html.escape(f.sha256() == null ? "" : f.sha256())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">Made by rdkzoo ").append(Html.escape(p.rdkzooVersion()))
                .append(" on ").append(Html.escape(p.host())).append(" at ").append(Html.escape(p.started()))
                .append(" (").append(Html.escape(String.join(" ", p.commandLine()))).append(").</p>\n</section>\n");
    }
}
