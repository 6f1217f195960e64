package org.rdkzoo.evaluator.report;

import java.util.List;

/** GitHub-flavoured Markdown tables with every cell escaped, so an id cannot break the table or inject HTML. */
final class Markdown {
    private Markdown() {
    }

    /** Escapes Markdown and inline-HTML syntax ({@code <} and {@code &} are enough to stop HTML); line breaks become spaces, other control characters '?'. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '|', '`', '*', '_', '[', ']', '#', '~' -> out.append('\\').append(c);
                default -> out.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return out.toString();
    }

    /** A table; a header starting with '>' is right-aligned. Cells must already be escaped. */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (String h : headers) {
            boolean right = h.startsWith(">");
            out.append(' ').append(right ? h.substring(1) : h).append(" |");
            rule.append(right ? "---:|" : "---|");
        }
        out.append('\n').append(rule).append('\n');
        for (List<String> r : rows) {
            out.append('|');
            for (String c : r) {
                out.append(' ').append(c).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
