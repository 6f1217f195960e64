package org.rdkzoo.mapperconfigs.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one or more config files, in the order the files were given, with the text and
 * JSON renderings {@code rdkzoo mapper validate} prints.
 */
public record ValidationReport(Map<Path, List<Diagnostic>> files, boolean strict) {

    public ValidationReport {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public long errors() {
        return files.values().stream().flatMap(List::stream).filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return files.values().stream().flatMap(List::stream).filter(d -> !d.isError()).count();
    }

    /** No errors (and, when strict, no warnings). */
    public boolean passed() {
        return files.values().stream().noneMatch(d -> ConfigValidator.fails(d, strict));
    }

    /** One line per finding ({@code file:line:col: severity: key: message (found ...; allowed ...)}), then a summary. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Path, List<Diagnostic>> e : files.entrySet()) {
            for (Diagnostic d : e.getValue()) {
                out.append(line(d)).append('\n');
            }
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** One finding as a line: {@code file:line:col: severity: key: message (found ...; allowed ...)}. */
    public static String line(Diagnostic d) {
        StringBuilder s = new StringBuilder();
        s.append(d.location()).append(": ").append(d.severity().label()).append(": ");
        if (!d.key().isEmpty()) {
            s.append(d.key()).append(": ");
        }
        s.append(d.message());
        List<String> extra = new ArrayList<>();
        if (d.found() != null) {
            extra.add("found " + d.found());
        }
        if (d.allowed() != null) {
            extra.add("allowed: " + d.allowed());
        }
        if (!extra.isEmpty()) {
            s.append(" (").append(String.join("; ", extra)).append(')');
        }
        return s.toString();
    }

    public String summary() {
        long e = errors();
        long w = warnings();
        String verdict = passed() ? "OK" : "FAILED";
        return verdict + ": " + files.size() + (files.size() == 1 ? " config, " : " configs, ") + e
                + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings")
                + (strict && w > 0 ? " (--strict: warnings count as errors)" : "");
    }

    /** The JSON document of {@code --format json}. */
    public Map<String, Object> json() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<Path, List<Diagnostic>> e : files.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", e.getKey().toString());
            f.put("errors", e.getValue().stream().filter(Diagnostic::isError).count());
            f.put("warnings", e.getValue().stream().filter(d -> !d.isError()).count());
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Diagnostic d : e.getValue()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", d.severity().label());
                m.put("file", d.file() == null ? null : d.file().toString());
                m.put("line", d.line());
                m.put("column", d.column());
                m.put("key", d.key());
                m.put("message", d.message());
                m.put("found", d.found());
                m.put("allowed", d.allowed());
                ds.add(m);
            }
            f.put("diagnostics", ds);
            list.add(f);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", passed());
        doc.put("strict", strict);
        doc.put("errors", errors());
        doc.put("warnings", warnings());
        doc.put("files", list);
        return doc;
    }
}
