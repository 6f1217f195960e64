package org.rdkzoo.evaluator.report;

import org.rdkzoo.evaluator.compare.Comparison;

/** The comparison for a terminal: aligned tables, ASCII only (ids are printed as given, control characters masked). */
final class ComparisonText {
    private ComparisonText() {
    }

    static String render(Comparison c, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        out.append("rdkzoo compare: ").append(clean(ComparisonTables.headline(c))).append('\n');
        side(out, c.a());
        side(out, c.b());
        out.append("  ").append(clean(ComparisonTables.differences(c))).append('\n');
        note(out, "  ", ComparisonTables.pairingNote(c));
        out.append('\n');
        out.append(table(ComparisonTables.accuracy(c), "  "));
        out.append("  ").append(ComparisonTables.accuracyNote(c)).append("\n\n");
        out.append(ComparisonTables.agreement(c)).append('\n');
        out.append(ComparisonTables.flipsSummary(c)).append("\n\n");
        out.append("Verdict: ").append(c.verdict().summary()).append("\n\n");

        ComparisonTables.Table classes = ComparisonTables.lostClasses(c, options);
        out.append(ComparisonTables.classesNote(c, classes)).append('\n');
        if (!classes.rows().isEmpty()) {
            out.append(table(classes, "  "));
        }
        flips(out, "Right -> wrong", c.lost(), options);
        flips(out, "Wrong -> right", c.gained(), options);
        return out.toString();
    }

    private static void side(StringBuilder out, Comparison.Side s) {
        out.append("  ").append(s.name()).append("  ").append(clean(ComparisonTables.sideLabel(s))).append("  (")
                .append(clean(s.file())).append(")\n");
    }

    private static void flips(StringBuilder out, String title, java.util.List<Comparison.PairedImage> flips,
            RenderOptions options) {
        out.append('\n').append(title).append(" (").append(flips.size()).append(")").append(flips.isEmpty() ? ": none"
                : ":").append('\n');
        if (flips.isEmpty()) {
            return;
        }
        ComparisonTables.Table t = ComparisonTables.flips(flips, options);
        out.append(table(t, "  "));
        note(out, "  ", ComparisonTables.more(t.rows().size(), flips.size(), "images"));
    }

    private static void note(StringBuilder out, String indent, String text) {
        if (text != null) {
            out.append(indent).append(clean(text)).append('\n');
        }
    }

    static String table(ComparisonTables.Table t, String indent) {
        TextTable table = new TextTable(t.headers().toArray(String[]::new));
        for (java.util.List<String> r : t.rows()) {
            table.row(r.stream().map(ComparisonText::clean).toArray(String[]::new));
        }
        return table.render(indent);
    }

    /** Masks control characters so that a hostile id cannot drive the terminal. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
