package org.rdkzoo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain aligned table for the terminal (columns padded to their widest cell, two spaces apart), and
 * CSV from the same rows. The one table of every command.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this(List.of(header));
    }

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** A row of values; a null cell prints as {@code -}. */
    public TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "-" : c.toString());
        }
        rows.add(r);
        return this;
    }

    /** A row of exactly as many cells as the header; a null cell prints empty. */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(row.stream().map(c -> c == null ? "" : c).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        line(out, header, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            s.append(c);
            if (i < w.length - 1) {
                s.append(" ".repeat(w[i] - c.length() + 2));
            }
        }
        out.println(s.toString().stripTrailing());
    }

    /** The header and rows as CSV (RFC 4180 quoting). */
    public void printCsv(PrintWriter out) {
        out.println(csvLine(header));
        rows.forEach(r -> out.println(csvLine(r)));
        out.flush();
    }

    private static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            boolean needs = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            quoted.add(needs ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted);
    }
}
