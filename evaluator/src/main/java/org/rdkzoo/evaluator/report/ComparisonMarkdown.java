package org.rdkzoo.evaluator.report;

import java.util.List;

import org.rdkzoo.evaluator.compare.Comparison;

/** The comparison as Markdown, to paste into a README or a pull request. */
final class ComparisonMarkdown {
    private ComparisonMarkdown() {
    }

    static String render(Comparison c, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        out.append("### rdkzoo compare: ").append(Markdown.escape(ComparisonTables.headline(c))).append("\n\n");
        out.append("- **A**: `").append(code(c.a().label())).append('`').append(c.a().simulated()
                ? " (int8 simulation on the PC, not a board figure)" : "").append(" from ")
                .append(Markdown.escape(c.a().file())).append('\n');
        out.append("- **B**: `").append(code(c.b().label())).append('`').append(c.b().simulated()
                ? " (int8 simulation on the PC, not a board figure)" : "").append(" from ")
                .append(Markdown.escape(c.b().file())).append('\n');
        out.append("- ").append(Markdown.escape(ComparisonTables.differences(c))).append('\n');
        String pairing = ComparisonTables.pairingNote(c);
        if (pairing != null) {
            out.append("- ").append(Markdown.escape(pairing)).append('\n');
        }
        out.append('\n').append(table(ComparisonTables.accuracy(c)));
        out.append('\n').append(Markdown.escape(ComparisonTables.accuracyNote(c))).append("\n\n");
        out.append(Markdown.escape(ComparisonTables.agreement(c))).append(' ')
                .append(Markdown.escape(ComparisonTables.flipsSummary(c))).append("\n\n");
        out.append("**Verdict**: ").append(Markdown.escape(c.verdict().summary())).append("\n\n");

        ComparisonTables.Table classes = ComparisonTables.lostClasses(c, options);
        out.append("#### Classes that lost most\n\n").append(Markdown.escape(ComparisonTables.classesNote(c, classes)))
                .append("\n\n");
        if (!classes.rows().isEmpty()) {
            out.append(table(classes)).append('\n');
        }
        flips(out, "Right → wrong", c.lost(), options);
        flips(out, "Wrong → right", c.gained(), options);
        return out.toString();
    }

    private static void flips(StringBuilder out, String title, List<Comparison.PairedImage> flips,
            RenderOptions options) {
        out.append("#### ").append(title).append(" (").append(flips.size()).append(")\n\n");
        if (flips.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        ComparisonTables.Table t = ComparisonTables.flips(flips, options);
        out.append(table(t)).append('\n');
        String more = ComparisonTables.more(t.rows().size(), flips.size(), "images");
        if (more != null) {
            out.append(Markdown.escape(more)).append("\n\n");
        }
    }

    static String table(ComparisonTables.Table t) {
        List<List<String>> rows = t.rows().stream().map(r -> r.stream().map(Markdown::escape).toList()).toList();
        return Markdown.table(t.headers(), rows);
    }

    /** Inside backticks only the backtick itself needs care. */
    private static String code(String s) {
        return s.replace('`', '\'').replace('\n', ' ');
    }
}
