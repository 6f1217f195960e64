package org.rdkzoo.mapperconfigs.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-width table as hb_mapper prints it: a header whose column names are separated by two or more
 * spaces, a dashed rule, then rows padded to the header's columns, ended by a blank line, a rule or the
 * next log line. Cells are assigned to columns by position, so empty cells (a CPU row without a
 * threshold, a row cut short by a crash) stay empty instead of shifting the others left.
 *
 * @param firstLine index of the header line in the log
 * @param columns   column names as printed ({@code Cosine Similarity}, {@code In/Out DataType}, ...)
 * @param rows      rows, each mapping column name to its cell; empty cells are absent
 */
record LogTable(int firstLine, List<String> columns, List<Map<String, String>> rows) {
    private static final Pattern COLUMN_NAME = Pattern.compile("\\S+(?: \\S+)*");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    /** Every table in {@code lines} whose header starts with one of {@code firstColumns}. */
    static List<LogTable> findAll(List<String> lines, String... firstColumns) {
        List<LogTable> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String header = stripRight(lines.get(i));
            if (!startsWithAny(header, firstColumns) || !lines.get(i + 1).startsWith("---")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher m = COLUMN_NAME.matcher(header);
            while (m.find()) {
                names.add(m.group());
                starts.add(m.start());
            }
            if (names.size() < 2) {
                continue;
            }
            List<Map<String, String>> rows = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.size(); j++) {
                String row = stripRight(lines.get(j));
                if (row.isBlank() || row.startsWith("===") || row.startsWith("---") || LogLine.isLogLine(row)) {
                    break;
                }
                rows.add(cells(row, names, starts));
            }
            tables.add(new LogTable(i, List.copyOf(names), List.copyOf(rows)));
            i = j - 1;
        }
        return tables;
    }

    /** True when the table has a column of that name. */
    boolean has(String column) {
        return columns.contains(column);
    }

    private static Map<String, String> cells(String row, List<String> names, List<Integer> starts) {
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher t = TOKEN.matcher(row);
        boolean first = true;
        while (t.find()) {
            // The first token is always the name, even when a long name runs past its column.
            int column = first ? 0 : columnAt(t.start(), starts);
            first = false;
            cells.merge(names.get(column), t.group(), (a, b) -> a + " " + b);
        }
        return cells;
    }

    private static int columnAt(int position, List<Integer> starts) {
        int column = 0;
        for (int c = 0; c < starts.size(); c++) {
            // One character of slack: some rows are printed a space to the left of their header.
            if (starts.get(c) <= position + 1) {
                column = c;
            }
        }
        return column;
    }

    private static boolean startsWithAny(String header, String... firsts) {
        for (String f : firsts) {
            if (header.startsWith(f + "  ") || header.startsWith(f + " ")) {
                return true;
            }
        }
        return false;
    }

    private static String stripRight(String s) {
        return s.stripTrailing();
    }
}
