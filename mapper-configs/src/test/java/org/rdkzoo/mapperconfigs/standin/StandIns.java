package org.rdkzoo.mapperconfigs.standin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Installs the stand-in {@code hb_mapper} and {@code docker} into a folder: shell wrappers that start
 * the Java mains of this package with the test classpath. Tests put the folder on the PATH of the
 * environment they hand to the driver (never the JVM's own), and read back what each stand-in was
 * asked to do from the record file. Behaviour is chosen with environment variables:
 * <ul>
 *   <li>{@code STANDIN_LOG_FORMAT}: {@code newer} (default) or {@code older} makertbin log layout;</li>
 *   <li>{@code STANDIN_FAIL}: {@code exit} (an error, exit 1), {@code yaml} (config refused),
 *       {@code crash} (log cut mid-table, exit 134), {@code hang} (starts a child, never ends);</li>
 *   <li>{@code STANDIN_FAIL_WHEN}: fail only when the config text contains this string;</li>
 *   <li>{@code STANDIN_DOCKER_DAEMON=down} (every call fails as without a daemon) or {@code hang} (every call
 *       waits forever); {@code STANDIN_DOCKER_IMAGES}: comma-separated images present.</li>
 * </ul>
 */
public final class StandIns {
    static final String RECORD = "STANDIN_RECORD";
    static final String STATE = "STANDIN_STATE";

    private final Path root;

    private StandIns(Path root) {
        this.root = root;
    }

    public static StandIns install(Path root) throws IOException {
        StandIns s = new StandIns(root);
        Files.createDirectories(s.bin());
        Files.createDirectories(s.state());
        s.wrapper("hb_mapper", StandInHbMapper.class.getName());
        s.wrapper("docker", StandInDocker.class.getName());
        return s;
    }

    public Path bin() {
        return root.resolve("bin");
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path record() {
        return root.resolve("record.jsonl");
    }

    /** The environment a test hands to the driver: only the stand-ins on PATH. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin().toString());
        env.put(RECORD, record().toString());
        env.put(STATE, state().toString());
        return env;
    }

    /** Removes one stand-in, as on a machine without that program. */
    public StandIns without(String tool) throws IOException {
        Files.deleteIfExists(bin().resolve(tool));
        return this;
    }

    /** One call a stand-in received. */
    public record Invocation(String tool, List<String> argv, String cwd) {
    }

    public List<Invocation> invocations() throws IOException {
        List<Invocation> list = new ArrayList<>();
        if (!Files.exists(record())) {
            return list;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(record(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> argv = new ArrayList<>();
            n.get("argv").forEach(a -> argv.add(a.asText()));
            list.add(new Invocation(n.get("tool").asText(), argv, n.get("cwd").asText()));
        }
        return list;
    }

    /** The calls of one stand-in whose first argument is {@code command} ({@code makertbin}, {@code run}...). */
    public List<Invocation> invocations(String tool, String command) throws IOException {
        return invocations().stream()
                .filter(i -> i.tool().equals(tool) && !i.argv().isEmpty() && i.argv().get(0).equals(command))
                .toList();
    }

    private void wrapper(String name, String mainClass) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String script = "#!/bin/sh\n"
                + "# rdkzoo test stand-in for " + name + " (not the real tool)\n"
                + "exec " + quote(java.toString())
                + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp " + quote(classpath())
                + " " + mainClass + " \"$@\"\n";
        Path file = bin().resolve(name);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(StandIns.class, org.yaml.snakeyaml.Yaml.class, ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** A single-quoted shell word: the one quoting in which nothing but {@code '} is special. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
