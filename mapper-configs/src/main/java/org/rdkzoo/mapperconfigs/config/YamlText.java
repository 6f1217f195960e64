package org.rdkzoo.mapperconfigs.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes values so that PyYAML reads them back as the same values: strings always quoted (so
 * {@code 'True'}, {@code '1.0'} or {@code 'on'} stay strings), floats always with a decimal point and
 * never in exponent form (PyYAML reads {@code 1e-05} as a string), booleans as {@code True}/{@code False}.
 */
final class YamlText {
    private YamlText() {
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        } else if (v instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            } else if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return plainFloat(d);
        } else if (v instanceof String s) {
            return quote(s);
        } else if (v instanceof YamlTimestamp t) {
            return t.text();
        } else if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (Object o : l) {
                s.append(s.length() == 1 ? "" : ", ").append(value(o));
            }
            return s.append(']').toString();
        } else if (v instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder("{");
            m.forEach((k, o) -> s.append(s.length() == 1 ? "" : ", ").append(quote(String.valueOf(k))).append(": ").append(value(o)));
            return s.append('}').toString();
        }
        throw new IllegalArgumentException("cannot write a " + v.getClass().getName());
    }

    /** Decimal notation with at least one digit after the point: what PyYAML's float pattern needs. */
    static String plainFloat(double d) {
        String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** Single quotes for plain text (only {@code '} needs doubling), double quotes with escapes otherwise. */
    static String quote(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                plain = false;
                break;
            }
        }
        return plain ? "'" + s.replace("'", "''") + "'" : doubleQuote(s);
    }

    static String doubleQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
