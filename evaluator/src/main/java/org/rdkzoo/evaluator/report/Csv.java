package org.rdkzoo.evaluator.report;

import java.util.List;

/** RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
final class Csv {
    private final StringBuilder out = new StringBuilder();

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /** A row; {@code null} fields (an unknown name) are written empty. */
    Csv row(String... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
