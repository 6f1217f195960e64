package org.rdkzoo.mapperconfigs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.rdkzoo.evaluator.io.AtomicFiles;
import org.rdkzoo.evaluator.provenance.RdkzooVersion;

/**
 * Writes a config as the toolchain's own samples lay it out: sections in the documented order, keys
 * in the documented order within each (keys rdkzoo does not know follow, as they were), node_info one
 * node per line, under a comment saying how the file was made. What PyYAML reads back is the same
 * config ({@link YamlText} says how values are written to make sure of that).
 */
public final class MapperConfigWriter {
    /**
     * The comment at the top of a written file.
     *
     * @param from  what the config was made from, e.g. {@code template efficientnet_b2} or a file
     * @param when  when it was written
     * @param notes further lines for the reader (what is known to differ from the zoo, what to do next)
     */
    public record Header(String from, Instant when, List<String> notes) {
        public Header {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(when, "when");
            notes = List.copyOf(notes);
        }
    }

    private MapperConfigWriter() {
    }

    public static String write(MapperConfig config, Header header) {
        StringBuilder out = new StringBuilder();
        out.append("# hb_mapper config for the RDK X5 (march bayes-e).\n");
        out.append("# Written by rdkzoo ").append(RdkzooVersion.get()).append(" on ").append(header.when())
                .append(" from ").append(header.from()).append(".\n");
        for (String note : header.notes()) {
            for (String line : note.split("\n")) {
                out.append("# ").append(line).append('\n');
            }
        }
        return out.append(body(config)).toString();
    }

    /**
     * The config without the header comment: what {@link #write(MapperConfig, Header)} puts below it.
     * Sections and known keys come in the documented order, so two files that differ only in layout,
     * quoting or key order give the same text; experiments hash it to recognise a run already made
     * (the header is left out because it holds the time of writing).
     */
    public static String body(MapperConfig config) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> doc = config.document();
        List<String> order = new ArrayList<>();
        for (Section s : Section.values()) {
            if (doc.containsKey(s.yamlName())) {
                order.add(s.yamlName());
            }
        }
        doc.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String name : order) {
            Object section = doc.get(name);
            if (!(section instanceof Map<?, ?> m) || m.isEmpty()) {
                out.append(key(name)).append(": ").append(
                        section instanceof Map ? "{}" : YamlText.value(section)).append('\n');
                continue;
            }
            out.append(key(name)).append(":\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> keys = (Map<String, Object>) m;
            for (String k : keyOrder(Section.of(name).orElse(null), keys)) {
                out.append("  ").append(key(k)).append(": ");
                Object v = keys.get(k);
                if (ConfigKey.NODE_INFO.yamlName().equals(k) && Section.MODEL_PARAMETERS.yamlName().equals(name)
                        && v instanceof Map<?, ?> nodes && !nodes.isEmpty()) {
                    out.append("{\n");
                    nodes.forEach((n, setting) -> out.append("    ").append(YamlText.doubleQuote(String.valueOf(n)))
                            .append(": ").append(YamlText.value(setting)).append(",\n"));
                    out.append("  }\n");
                } else {
                    out.append(YamlText.value(v)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Writes to {@code file} atomically (a temporary file renamed into place). */
    public static void write(MapperConfig config, Header header, Path file) throws IOException {
        byte[] bytes = write(config, header).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
    }

    private static List<String> keyOrder(Section section, Map<String, Object> keys) {
        Set<String> order = new LinkedHashSet<>();
        if (section != null) {
            for (ConfigKey k : ConfigKey.of(section)) {
                if (keys.containsKey(k.yamlName())) {
                    order.add(k.yamlName());
                }
            }
        }
        order.addAll(keys.keySet());
        return new ArrayList<>(order);
    }

    /** Keys are written plain when PyYAML reads them back as the same string, quoted otherwise. */
    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_]*") && !k.matches("(?i)yes|no|true|false|on|off|null")
                ? k : YamlText.quote(k);
    }
}
