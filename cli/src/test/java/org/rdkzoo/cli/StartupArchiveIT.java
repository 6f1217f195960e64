package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive the build writes beside the jar ({@code StartupTraining}, run by failsafe after
 * {@code package}): the JVM maps it, and hot code still gets compiled under it. One archive from a training run with
 * the JIT on left calib's resize loop interpreted in every run that mapped it (the training now runs with -Xint).
 */
class StartupArchiveIT {
    private static Path archive;

    @TempDir
    Path dir;

    @BeforeAll
    static void findArchive() throws Exception {
        // A JDK without its own base archive cannot write an application archive (the build tolerates that).
        Process base = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-version").redirectErrorStream(true).start();
        base.getInputStream().readAllBytes();
        assumeTrue(base.waitFor() == 0, "this JDK has no base CDS archive, so the build writes no rdkzoo.jsa");
        archive = ShippedJar.path().resolveSibling("rdkzoo.jsa");
        assertTrue(Files.isRegularFile(archive), archive + " was not built (exec-maven-plugin, startup-archive)");
        // A build with -Drdkzoo.skipStartupArchive leaves an earlier archive behind, which ./rdkzoo ignores.
        assumeTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(ShippedJar.path())) >= 0,
                archive + " is older than the jar (this build skipped it: -Drdkzoo.skipStartupArchive)");
    }

    @Test
    void theJvmMapsTheArchive() throws Exception {
        // -Xshare:on makes a mismatched or unreadable archive fatal instead of silently ignored.
        ShippedJar.Run r = java(List.of("-Xshare:on"), "--version");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("rdkzoo "), r.output());
    }

    @Test
    void hotLoopsOfArchivedClassesAreStillCompiled() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 24; i++) {
            BufferedImage image = new BufferedImage(320 + i, 300, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, (x * 5 + y * 3 + i) * 0x010101);
                }
            }
            ImageIO.write(image, "jpg", images.resolve("img_" + i + ".jpg").toFile());
        }
        ShippedJar.Run r = java(List.of("-XX:+PrintCompilation"), "mapper", "calib", "--images", images.toString(), "--out",
                dir.resolve("calib").toString(), "--count", "24", "--jobs", "1");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("org.rdkzoo.evaluator.image.LinearResize::horizontal"),
                "the resize loop was never compiled:\n" + r.output().lines().filter(l -> l.contains("rdkzoo"))
                        .limit(40).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void picocliIsLoadedFromTheArchive() throws Exception {
        ShippedJar.Run r = java(List.of("-Xshare:on", "-Xlog:class+load=info"), "mapper", "calib", "--help");
        assertEquals(0, r.exitCode(), r.output());
        List<String> picocli = r.output().lines().filter(l -> l.contains(" picocli.")).toList();
        assertTrue(picocli.size() > 50, "picocli's classes were not loaded:\n" + r.output());
        List<String> fromTheJar = picocli.stream().filter(l -> !l.contains("source: shared objects file")).toList();
        assertEquals(List.of(), fromTheJar, "classes loaded from the jar, not the archive");
    }

    /**
     * The build rewrites class files older than Java 6 (picocli's) with stack map frames (ClassFileUpgrade). A wrong
     * frame would not fail at run time: the JVM falls back to the old verifier for a Java 6 class, logs it, and
     * leaves the class out of the archive. So every class is linked here and no fallback may be logged (a jar with
     * the versions raised but no frames computed logs 95).
     */
    @Test
    void everyClassInTheJarIsJava6OrLaterAndPicocliNeedsNoFallbackVerifier() throws Exception {
        List<String> old = new ArrayList<>();
        try (JarFile jar = new JarFile(ShippedJar.path().toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        byte[] head = in.readNBytes(8);
                        if (((head[6] & 0xff) << 8 | (head[7] & 0xff)) < 50) {
                            old.add(e.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), old, "class files older than Java 6");

        Path testClasses = Path.of(LinkEveryClass.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ShippedJar.Run r = ShippedJar.java(List.of("-Xlog:class+init=info", "-cp",
                ShippedJar.path() + File.pathSeparator + testClasses, LinkEveryClass.class.getName(),
                ShippedJar.path().toString(), "picocli/"), dir.resolve("home"));
        String output = r.output();
        assertEquals(0, r.exitCode(), output);
        assertEquals(List.of(), output.lines().filter(l -> l.contains("Fail over")).toList());
        int linked = output.lines().filter(l -> l.startsWith("linked ")).mapToInt(l -> Integer.parseInt(l.substring(7)))
                .findFirst().orElseThrow(() -> new AssertionError("LinkEveryClass printed no count"));
        assertTrue(linked > 200, "only " + linked + " picocli classes");
    }

    private ShippedJar.Run java(List<String> jvmOptions, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC",
                "-XX:SurvivorRatio=3"));
        options.addAll(jvmOptions);
        return ShippedJar.run(options, dir.resolve("home"), args);
    }
}
