package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built {@code rdkzoo.jar} for the integration tests failsafe runs after {@code package}, and a way to run it. */
final class ShippedJar {
    /** How a {@code java ... -jar rdkzoo.jar} process ended: its exit code and its stdout and stderr together. */
    record Run(int exitCode, String output) {
    }

    private ShippedJar() {
    }

    /** The jar failsafe names in {@code -Drdkzoo.jar}; fails the test when it was not built. */
    static Path path() {
        String property = System.getProperty("rdkzoo.jar");
        assertNotNull(property, "failsafe passes -Drdkzoo.jar");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        return jar;
    }

    /** Runs the jar with this JVM's java, the JVM options given, and a workspace of its own in {@code home}. */
    static Run run(List<String> jvmOptions, Path home, String... args) throws Exception {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-jar", path().toString()));
        arguments.addAll(List.of(args));
        return java(arguments, home);
    }

    /** Runs this JVM's java with the arguments given, and a workspace of its own in {@code home}. */
    static Run java(List<String> arguments, Path home) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("RDKZOO_HOME", home.toString());
        env.remove("RDKZOO_LIBDNN");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "java did not finish: " + command);
        return new Run(p.exitValue(), output);
    }
}
