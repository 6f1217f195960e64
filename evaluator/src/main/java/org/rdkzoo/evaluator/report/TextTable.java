package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned with spaces for a terminal; numbers right-aligned, text left-aligned. */
final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers; a header starting with '>' marks a right-aligned column (the '>' is not printed). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].startsWith(">");
            this.headers.add(right[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table, each line starting with {@code indent}, ending with a line feed. */
    String render(String indent) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = length(headers.get(i));
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], length(r.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, headers, width);
        for (List<String> r : rows) {
            line(out, indent, r, width);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String indent, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            int pad = width[i] - length(c);
            if (right[i]) {
                l.append(" ".repeat(pad)).append(c);
            } else {
                l.append(c).append(i == cells.size() - 1 ? "" : " ".repeat(pad));
            }
            if (i < cells.size() - 1) {
                l.append("  ");
            }
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
