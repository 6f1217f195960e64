package org.rdkzoo.mapperconfigs.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an hb_mapper log with its prefix taken apart. Two prefixes exist: older toolchains write
 * {@code 2021-04-20 17:06:20,339 INFO message}, newer ones
 * {@code 2025-07-24 00:30:24,752 file: x.py func: x line No: 72 message} (no level for INFO).
 *
 * @param level   {@code INFO}, {@code WARNING}, {@code ERROR}, ... ({@code INFO} when the prefix has none)
 * @param message the text after the prefix
 */
record LogLine(String level, String message) {
    private static final Pattern PREFIX = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:[,.]\\d+)?\\s+"
                    + "(?:file: \\S+ func: \\S+ line No: \\d+\\s?)?"
                    + "(?:(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL):?\\s+)?(.*)$");
    private static final Pattern BARE_LEVEL = Pattern.compile("^(ERROR|WARNING|WARN|CRITICAL|FATAL):?\\s+(.*)$");

    static boolean isLogLine(String line) {
        return PREFIX.matcher(line).matches();
    }

    /** The parsed line; a line without a timestamp (a continuation, console output) is its own message. */
    static LogLine parse(String line) {
        Matcher m = PREFIX.matcher(line);
        String level = "INFO";
        String message = line.strip();
        if (m.matches()) {
            level = m.group(1) == null ? "INFO" : m.group(1);
            message = m.group(2).strip();
        }
        // Newer logs and console output put the level inside the message ("ERROR yaml file parse failed").
        Matcher bare = BARE_LEVEL.matcher(message);
        if ("INFO".equals(level) && bare.matches()) {
            level = bare.group(1);
            message = bare.group(2).strip();
        }
        return new LogLine(level.equals("WARN") ? "WARNING" : level, message);
    }

    boolean isError() {
        return level.equals("ERROR") || level.equals("CRITICAL") || level.equals("FATAL");
    }
}
