package org.rdkzoo.evaluator.results;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields in which two records differ, named by path ({@code preprocessing.resize}), for messages
 * that say exactly what differs between two runs instead of "they differ".
 */
public final class RecordDiff {
    private RecordDiff() {
    }

    /**
     * One differing field.
     *
     * @param field the path of the field, prefixed by the name given to {@link #of}
     * @param a     its value on the first side, as text ({@code null} when absent)
     * @param b     its value on the second side
     */
    public record Difference(String field, String a, String b) {
        @Override
        public String toString() {
            return field + ": " + a + " vs " + b;
        }
    }

    /** The leaves in which {@code a} and {@code b} differ; nested records are compared field by field. */
    public static List<Difference> of(String name, Object a, Object b) {
        List<Difference> out = new ArrayList<>();
        collect(name, a, b, out);
        return out;
    }

    private static void collect(String path, Object a, Object b, List<Difference> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a != null && b != null && a.getClass() == b.getClass() && a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                collect(path + "." + c.getName(), value(c, a), value(c, b), out);
            }
            return;
        }
        out.add(new Difference(path, a == null ? null : String.valueOf(a), b == null ? null : String.valueOf(b)));
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
