package org.rdkzoo.mapperconfigs.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads named sets of node names for {@code --node-int16-sets}. Two formats:
 * <pre>
 * # YAML: a mapping of set name to a list of node names
 * none: []
 * se_tail:
 *   - /blocks/blocks.6/blocks.6.0/se/Mul
 *   - /blocks/blocks.6/blocks.6.0/se/ReduceMean
 *
 * # text: a [name] line starts a set; each other non-blank line is a node; # starts a comment
 * [none]
 * [se_tail]
 * /blocks/blocks.6/blocks.6.0/se/Mul
 * </pre>
 */
public final class NodeSets {
    private NodeSets() {
    }

    public static Map<String, List<String>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, List<String>> sets = text.lines().anyMatch(l -> l.strip().matches("\\[[^\\]]+\\]"))
                ? text(file, text) : yaml(file, text);
        if (sets.isEmpty()) {
            throw new IOException(file + ": no node sets (expected 'name: [node, ...]' entries or [name] sections)");
        }
        return sets;
    }

    private static Map<String, List<String>> yaml(Path file, String text) throws IOException {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IOException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IOException(file + ": expected a mapping of set name to a list of node names");
        }
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (e.getValue() == null) {
                sets.put(name, List.of());
            } else if (e.getValue() instanceof List<?> nodes) {
                List<String> names = new ArrayList<>();
                nodes.forEach(n -> names.add(String.valueOf(n)));
                sets.put(name, List.copyOf(names));
            } else {
                throw new IOException(file + ": set '" + name + "': expected a list of node names, found "
                        + e.getValue().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sets;
    }

    private static Map<String, List<String>> text(Path file, String text) throws IOException {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        List<String> current = null;
        int n = 0;
        for (String raw : text.lines().toList()) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                sets.put(line.substring(1, line.length() - 1).strip(), current);
            } else if (current == null) {
                throw new IOException(file + ":" + n + ": node '" + line + "' before any [set name] line");
            } else {
                current.add(line);
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        sets.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }
}
