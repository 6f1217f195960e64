package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./rdkzoo} launcher at the top of the checkout: the JVM settings it picks per command and per JDK. */
class LauncherIT {
    private static final long CALIB_YOUNG_GENERATION = 24L << 20;

    @TempDir
    Path home;

    @Test
    void mapperCalibGetsASmallYoungGenerationAndOtherCommandsDoNot() throws Exception {
        assertEquals(CALIB_YOUNG_GENERATION, maxNewSize("mapper", "calib", "--help"));
        assertEquals(CALIB_YOUNG_GENERATION, maxNewSize("--verbose", "mapper", "calib", "--help"));
        for (List<String> other : List.of(List.of("eval", "--help"), List.of("mapper", "validate", "--help"),
                List.of("--help"))) {
            assertNotEquals(CALIB_YOUNG_GENERATION, maxNewSize(other.toArray(String[]::new)), other.toString());
        }
    }

    @Test
    void optionsFromTheEnvironmentComeLastAndWin() throws Exception {
        assertEquals(32L << 20, maxNewSize(List.of("-Xmn32m"), "mapper", "calib", "--help"));
    }

    @Test
    void nativeHeapTrimmingIsOnWhenTheJdkHasTheOption() throws Exception {
        // This JDK is 17.0.15: the option exists from 17.0.9.
        assertEquals(5000, flag("TrimNativeHeapInterval", List.of(), Path.of(System.getProperty("java.home")), "--help"));
    }

    @Test
    void anOlderJdkGetsNoTrimmingOptionAndStillRuns() throws Exception {
        // A JDK whose release file says 17.0.8 (the java is this one, which would accept the option).
        Path jdk = Files.createDirectories(home.resolve("jdk-17.0.8"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.createSymbolicLink(jdk.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.8\"\n");
        assertEquals(0, flag("TrimNativeHeapInterval", List.of(), jdk, "--help"));
    }

    private long maxNewSize(String... args) throws Exception {
        return maxNewSize(List.of(), args);
    }

    private long maxNewSize(List<String> javaOptions, String... args) throws Exception {
        return flag("MaxNewSize", javaOptions, Path.of(System.getProperty("java.home")), args);
    }

    /** Runs the launcher with -XX:+PrintFlagsFinal (and any other options) and reads a numeric JVM flag. */
    private long flag(String name, List<String> javaOptions, Path javaHome, String... args) throws Exception {
        Path launcher = ShippedJar.path().toAbsolutePath().getParent().getParent().getParent().resolve("rdkzoo");
        assertTrue(Files.isExecutable(launcher), launcher + " is not executable");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        List<String> options = new ArrayList<>(List.of("-XX:+PrintFlagsFinal"));
        options.addAll(javaOptions);
        pb.environment().put("RDKZOO_JAVA_OPTS", String.join(" ", options));
        pb.environment().put("RDKZOO_HOME", home.toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher did not finish");
        assertEquals(0, p.exitValue(), output);
        return output.lines().map(String::trim).filter(l -> l.matches("\\w+ " + name + "\\s+=.*"))
                .map(l -> Long.parseLong(l.split("=")[1].trim().split("\\s+")[0])).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in:\n" + output));
    }
}
