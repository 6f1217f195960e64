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

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.standin.Workbench;

/** Ctrl-C and kill -9 for real: rdkzoo in its own JVM, signalled while the toolchain runs. */
class InterruptEndToEndTest {
    @TempDir
    Path tmp;

    /** {@code rdkzoo mapper build} of the workbench config in a JVM of its own, with a toolchain that hangs. */
    private static Process startHangingBuild(Workbench w) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.rdkzoo.cli.Main", "mapper", "build", w.config().toString(), "--toolchain", "local")
                .redirectErrorStream(true);
        pb.environment().putAll(w.env());
        pb.environment().put("STANDIN_FAIL", "hang");
        pb.environment().put("RDKZOO_HOME", w.workspace().toString());
        return pb.start();
    }

    @Test
    void ctrlCStopsTheToolchainTreeAndLeavesAnInterruptedRecordAndTheLogs() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Process rdkzoo = startHangingBuild(w);
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

    @Test
    void aBuildKilledWithSigkillIsListedAsAbandonedAndTheNextBuildOfItsConfigSettlesIt() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Process rdkzoo = startHangingBuild(w);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(rdkzoo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.contains("Start to calibrate")) {
                // the toolchain is under way once it says so
            }
        }
        rdkzoo.destroyForcibly(); // SIGKILL: no shutdown hook, no last word in the record
        rdkzoo.waitFor();
        // The orphaned stand-in would sleep on: it is not what this test is about.
        for (String pidFile : List.of("hang-self.pid", "hang-child.pid")) {
            ProcessHandle.of(Long.parseLong(Files.readString(w.standIns().state().resolve(pidFile)).strip()))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
        Path record;
        try (var s = Files.list(w.workspace().resolve("experiments"))) {
            record = s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("experiment.json");
        }
        assertEquals("running", Json.mapper().readTree(record.toFile()).get("status").asText(), "the file as it was left");
        assertEquals(rdkzoo.pid(), Json.mapper().readTree(record.toFile()).get("owner").get("pid").asLong());

        CliRunner cli = new CliRunner(w.workspace());
        w.env().forEach(cli::env);
        CliRunner.Result list = cli.run("experiments", "list");
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains(" abandoned "), list.out());
        CliRunner.Result show = cli.run("experiments", "show", record.getParent().getFileName().toString());
        assertTrue(show.out().contains("status      abandoned: the process that ran it (pid " + rdkzoo.pid()), show.out());
        assertEquals("running", Json.mapper().readTree(record.toFile()).get("status").asText(), "reading changed nothing");

        CliRunner.Result again = cli.run("mapper", "build", w.config().toString(), "--toolchain", "local", "-q");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        JsonNode settled = Json.mapper().readTree(record.toFile());
        assertEquals("abandoned", settled.get("status").asText());
        assertTrue(settled.get("message").asText().contains("run again as "), settled.get("message").asText());
    }
}
