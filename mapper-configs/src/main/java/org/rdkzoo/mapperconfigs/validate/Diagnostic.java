package org.rdkzoo.mapperconfigs.validate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about a config.
 *
 * @param severity error or warning
 * @param file     the config file, {@code null} for a config built in code
 * @param line     1-based line, 0 when unknown (a missing key, a config built in code)
 * @param column   1-based column, 0 when unknown
 * @param key      the key concerned, as {@code section.key} (or {@code section.key.node})
 * @param message  what is wrong, in a sentence
 * @param found    what the config holds (or the file system), {@code null} when nothing applies
 * @param allowed  what would be accepted, {@code null} when nothing applies
 */
public record Diagnostic(Severity severity, Path file, int line, int column, String key, String message, String found,
        String allowed) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column}, as compilers print it (parts that are unknown are left out). */
    public String location() {
        StringBuilder s = new StringBuilder(file == null ? "<config>" : file.toString());
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.toString();
    }
}
