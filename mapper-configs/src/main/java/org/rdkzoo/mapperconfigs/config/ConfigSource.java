package org.rdkzoo.mapperconfigs.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a config came from: its file and the position of every key and value in it, addressed by
 * path ({@code [section]}, {@code [section, key]}, {@code [section, key, node name]}...).
 *
 * @param file       the file read, or {@code null} for a config built in code
 * @param keys       position of each key
 * @param values     position of each value
 * @param duplicates keys that appeared more than once (PyYAML keeps the last): path to the position
 *                   of the earlier occurrence that was overridden
 */
public record ConfigSource(Path file, Map<List<String>, Position> keys, Map<List<String>, Position> values,
        Map<List<String>, Position> duplicates) {

    public static final ConfigSource NONE = new ConfigSource(null, Map.of(), Map.of(), Map.of());

    public ConfigSource {
        keys = Map.copyOf(keys);
        values = Map.copyOf(values);
        duplicates = Map.copyOf(duplicates);
    }

    public Optional<Path> fileOptional() {
        return Optional.ofNullable(file);
    }

    public Position key(String... path) {
        return keys.getOrDefault(List.of(path), Position.NONE);
    }

    public Position value(String... path) {
        return values.getOrDefault(List.of(path), Position.NONE);
    }

    /** The folder relative paths in the config resolve against. */
    public Optional<Path> baseDir() {
        return file == null ? Optional.empty() : Optional.ofNullable(file.toAbsolutePath().getParent());
    }
}
