package org.rdkzoo.mapperconfigs.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the checker and makertbin logs share: reading, the version lines, the error lines. */
final class LogText {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern VERSION = Pattern.compile(
            "^(hb[ _]mapper|hbdk runtime|hbdk|horizon_nn|horizon[ _]tc[ _]ui) version\\s*:?\\s*(\\S+)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Continuation lines kept after an ERROR line (a message that spans lines, a short traceback tail). */
    private static final int MAX_CONTINUATION = 4;

    private LogText() {
    }

    /** The lines of a log file; bytes that are not UTF-8 and terminal colour codes do not stop the parse. */
    static List<String> read(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        return lines(text);
    }

    static List<String> lines(String text) {
        return List.of(ANSI.matcher(text).replaceAll("").split("\\R", -1));
    }

    /** Component versions, by the names {@code hb_mapper}, {@code hbdk}, {@code hbdk_runtime}, {@code horizon_nn}. */
    static Map<String, String> versions(List<String> lines) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = VERSION.matcher(LogLine.parse(line).message());
            if (m.matches()) {
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
                versions.putIfAbsent(name, m.group(2));
            }
        }
        return versions;
    }

    /** Each ERROR message with its continuation lines joined on one line. */
    static List<String> errors(List<String> lines) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LogLine line = LogLine.parse(lines.get(i));
            if (!line.isError()) {
                continue;
            }
            StringBuilder message = new StringBuilder(line.message());
            for (int k = 1; k <= MAX_CONTINUATION && i + k < lines.size(); k++) {
                String next = lines.get(i + k);
                if (next.isBlank() || LogLine.isLogLine(next) || LogLine.parse(next).isError()) {
                    break;
                }
                message.append(' ').append(next.strip());
            }
            errors.add(message.toString());
        }
        return List.copyOf(errors);
    }

    static Double number(String cell) {
        if (cell == null || cell.equals("--") || cell.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null; // "nan", a cell cut by a crash: unknown, not zero
        }
    }

    static String text(String cell) {
        return cell == null || cell.equals("--") || cell.isBlank() ? null : cell;
    }
}
