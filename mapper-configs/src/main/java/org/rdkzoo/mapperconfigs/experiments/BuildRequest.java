package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.rdkzoo.mapperconfigs.config.MapperConfig;

/**
 * What to build: a config file, optionally changed (as a sweep changes it) before it runs.
 *
 * @param config      the user's hb_mapper YAML
 * @param label       a name for the experiment, or null
 * @param timeout     how long the toolchain may run, null for no limit
 * @param changes     what to change in the config read from the file, through the config model's
 *                    {@code with...} methods (identity outside sweeps)
 * @param sweep       what a sweep set, for the record (empty outside sweeps)
 * @param commandLine rdkzoo's arguments, for the provenance
 */
public record BuildRequest(Path config, String label, Duration timeout, UnaryOperator<MapperConfig> changes,
        Map<String, String> sweep, List<String> commandLine) {

    public BuildRequest {
        Objects.requireNonNull(config, "config");
        changes = changes == null ? UnaryOperator.identity() : changes;
        sweep = sweep == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    public static BuildRequest of(Path config) {
        return new BuildRequest(config, null, null, null, Map.of(), List.of());
    }
}
