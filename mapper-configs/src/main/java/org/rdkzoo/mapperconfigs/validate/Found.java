package org.rdkzoo.mapperconfigs.validate;

import java.util.List;
import java.util.Map;

/** How a found value reads in a diagnostic: strings quoted, the rest as Python prints it. */
final class Found {
    private Found() {
    }

    static String text(Object v) {
        if (v instanceof Raw r) {
            return r.text();
        } else if (v == null) {
            return "None (empty)";
        } else if (v instanceof String s) {
            return "'" + s + "'";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof List<?> l) {
            return "a list of " + l.size();
        } else if (v instanceof Map<?, ?> m) {
            return "a mapping of " + m.size();
        }
        return v.toString();
    }

    /** Text to show as is (a path, a size), not quoted. */
    record Raw(String text) {
    }

    static Raw raw(String text) {
        return new Raw(text);
    }
}
