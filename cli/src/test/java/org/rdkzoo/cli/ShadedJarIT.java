package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/**
 * The shaded {@code rdkzoo.jar} as it is shipped (run by failsafe after {@code package}): it holds the natives of
 * the board (linux-aarch64) and of Linux PCs (x86-64) for ONNX Runtime and JNA, each an ELF of the right machine;
 * it carries the layout probe the README tells board users to extract; and it starts and drives libdnn (here the
 * stand-in) through the JNA it bundles.
 */
class ShadedJarIT {
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        jar = ShippedJar.path();
    }

    /** The ELF machine of a jar entry ({@code e_machine}, little-endian), or -1 when it is not an ELF. */
    private static int elfMachine(JarFile file, String entry) throws IOException {
        ZipEntry e = file.getEntry(entry);
        assertNotNull(e, jar + " has no " + entry);
        try (InputStream in = file.getInputStream(e)) {
            byte[] header = in.readNBytes(20);
            if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
                return -1;
            }
            return (header[18] & 0xff) | (header[19] & 0xff) << 8;
        }
    }

    @Test
    void theJarHoldsTheBoardsAndThePcsNativesOfOnnxRuntimeAndJna() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String lib : List.of("libonnxruntime.so", "libonnxruntime4j_jni.so")) {
                assertEquals(EM_AARCH64, elfMachine(file, "ai/onnxruntime/native/linux-aarch64/" + lib), lib);
                assertEquals(EM_X86_64, elfMachine(file, "ai/onnxruntime/native/linux-x64/" + lib), lib);
            }
            assertEquals(EM_AARCH64, elfMachine(file, "com/sun/jna/linux-aarch64/libjnidispatch.so"));
            assertEquals(EM_X86_64, elfMachine(file, "com/sun/jna/linux-x86-64/libjnidispatch.so"));
            assertNotNull(file.getEntry("org/rdkzoo/runtime/hb_dnn_layout_probe.c"),
                    "the README's layout check extracts it from the jar");
            assertEquals("org.rdkzoo.cli.Main", file.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void theJarRunsAModelThroughTheJnaItBundles() throws Exception {
        Path bin = StandInModel.classifier("m", 8, 8, 10).writeTo(dir.resolve("m.bin"));
        ShippedJar.Run r = java("bench", "--model", bin.toString(), "--libdnn", LibdnnStandIn.library().toString(), "--frames",
                "4", "--threads", "1", "--warmup", "0", "--format", "json");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("\"format\" : \"rdkzoo.bench/1\""), r.output());
        assertTrue(r.output().contains("not the BPU"), "the stand-in is announced: " + r.output());
    }

    private ShippedJar.Run java(String... args) throws Exception {
        return ShippedJar.run(List.of(), dir.resolve("home"), args);
    }
}
