package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to build: a config file, optionally with settings changed (as a sweep does).
 *
 * @param config      the user's hb_mapper YAML
 * @param label       a name for the experiment, or null
 * @param timeout     how long the toolchain may run, null for no limit
 * @param settings    {@code group.key -> value} to set on top of the file; a null value removes the key
 * @param nodeInfo    node_info entries to add
 * @param sweep       what a sweep set, for the record (empty outside sweeps)
 * @param commandLine rdkzoo's arguments, for the provenance
 */
public record BuildRequest(Path config, String label, Duration timeout, Map<String, Object> settings,
        Map<String, Map<String, String>> nodeInfo, Map<String, String> sweep, List<String> commandLine) {

    public BuildRequest {
        Objects.requireNonNull(config, "config");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // nulls allowed
        nodeInfo = nodeInfo == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodeInfo));
        sweep = sweep == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    public static BuildRequest of(Path config) {
        return new BuildRequest(config, null, null, Map.of(), Map.of(), Map.of(), List.of());
    }
}
