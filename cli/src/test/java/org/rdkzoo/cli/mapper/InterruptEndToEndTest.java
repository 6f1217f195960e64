package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.standin.Workbench;

/** Ctrl-C for real: rdkzoo in its own JVM, SIGINT while the toolchain runs. */
class InterruptEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsTheToolchainTreeAndLeavesAnInterruptedRecordAndTheLogs() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.rdkzoo.cli.Main", "mapper", "build", w.config().toString(), "--toolchain", "local")
                .redirectErrorStream(true);
        pb.environment().putAll(w.env());
        pb.environment().put("STANDIN_FAIL", "hang");
        pb.environment().put("RDKZOO_HOME", w.workspace().toString());
        Process rdkzoo = pb.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(rdkzoo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains("Start to calibrate")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(rdkzoo.pid())).start().waitFor();
                }
            }
        }
        assertTrue(rdkzoo.waitFor(60, TimeUnit.SECONDS), output.toString());
        assertEquals(130, rdkzoo.exitValue(), output.toString());

        Path experiments = w.workspace().resolve("experiments");
        List<Path> folders;
        try (var s = Files.list(experiments)) {
            folders = s.filter(Files::isDirectory).toList();
        }
        assertEquals(1, folders.size());
        Path dir = folders.get(0);
        assertEquals("interrupted", Json.mapper().readTree(dir.resolve("experiment.json").toFile()).get("status").asText());
        assertTrue(Files.readString(dir.resolve("hb_mapper_makertbin.log")).contains("Start to calibrate"));
        assertTrue(Files.readString(dir.resolve("console.log")).contains("Start to calibrate"));
        long child = Long.parseLong(Files.readString(w.standIns().state().resolve("hang-child.pid")).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the toolchain's child survived");
    }
}
