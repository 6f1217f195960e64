package org.rdkzoo.mapperconfigs.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.standin.StandIns;
import org.rdkzoo.mapperconfigs.standin.Workbench;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.Toolchain;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainLocator;

class ExperimentRunnerTest {
    @TempDir
    Path tmp;

    private ExperimentRunner runner(Workbench w, ToolchainLocator.Choice choice) throws Exception {
        Toolchain t = new ToolchainLocator(w.env()).locate(choice, null);
        return new ExperimentRunner(new ExperimentStore(w.workspace()), t, new InterimConfigCheck(), w.env(),
                Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @Test
    void aSuccessfulBuildRecordsConfigModelCalibrationToolchainTablesAndArtifacts() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                BuildListener.NONE);

        assertEquals(ExperimentStatus.SUCCEEDED, e.status(), e.message());
        assertEquals(0, e.exitCode());
        Path dir = new ExperimentStore(w.workspace()).folder(e.id());
        assertTrue(e.id().matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), e.id());
        // The config: a byte-for-byte copy, its hash, and the effective config with absolute paths.
        assertArrayEquals(Files.readAllBytes(w.config()), Files.readAllBytes(dir.resolve("config.yaml")));
        assertEquals(Sha256.of(w.config()), e.config().sourceSha256());
        assertEquals(w.model().toString(), e.config().settings().get("model_parameters.onnx_model"));
        assertEquals(w.calibration().toString(), e.config().settings().get("calibration_parameters.cal_data_dir"));
        assertEquals(64, e.config().hash().length());
        assertEquals(Sha256.of(w.model()), e.model().sha256());
        assertEquals("listing", e.calibration().basis());
        assertEquals(3, e.calibration().files());
        // The toolchain and what the log said.
        assertEquals("local", e.toolchain().kind());
        assertEquals("1.24.3", e.toolchain().versions().get("hb_mapper"));
        assertEquals("1.24.3", e.provenance().versions().get("hb_mapper"));
        assertNotNull(e.provenance().finished());
        assertEquals("NEWER", e.log().format());
        assertEquals("max", e.log().calibrationMethod());
        assertEquals(15, e.layers().size());
        assertEquals(1, e.outputs().size());
        assertTrue(e.outputCosine().getAsDouble() > 0.9 && e.outputCosine().getAsDouble() < 1.0);
        assertEquals(List.of("makertbin", "--config", dir.resolve("effective-config.yaml").toString(), "--model-type", "onnx"),
                e.command().subList(1, e.command().size()));
        // Artifacts with their real hashes.
        assertEquals(List.of("original_float_model", "optimized_float_model", "calibrated_model", "quantized_model", "bin"),
                e.artifacts().stream().map(Artifact::kind).toList());
        for (Artifact a : e.artifacts()) {
            assertEquals(Sha256.of(dir.resolve(a.file())), a.sha256(), a.file());
        }
        assertEquals("model_output/" + Workbench.PREFIX + ".bin", e.artifacts().get(4).file());
        assertTrue(Files.isRegularFile(dir.resolve("hb_mapper_makertbin.log")));
        assertTrue(Files.readString(dir.resolve("console.log")).contains("End Model Convert"));
        // The record on disk is the one returned, and the index lists it.
        assertEquals(e, Json.read(dir.resolve("experiment.json"), Experiment.class));
        assertEquals(List.of(e.id()), new ExperimentStore(w.workspace()).list().stream().map(ExperimentSummary::id).toList());
    }

    @Test
    void theCalibrationManifestIsHashedWhenTheFolderHasOne() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Files.writeString(w.calibration().resolve("manifest.json"), "{\"images\": 3}");
        PreparedBuild p = runner(w, ToolchainLocator.Choice.LOCAL).prepare(BuildRequest.of(w.config()));
        assertEquals("manifest.json", p.calibrationFingerprint().basis());
        assertEquals(Sha256.of(w.calibration().resolve("manifest.json")), p.calibrationFingerprint().sha256());
    }

    @Test
    void dockerBuildsInFoldersWithSpacesQuotesAndDollarsSeeContainerPathsOnly() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("it's a \"test\" $HOME, really"));
        Experiment e = runner(w, ToolchainLocator.Choice.DOCKER).build(
                new BuildRequest(w.config(), "first try", null, Map.of(), Map.of(), Map.of(), List.of("mapper", "build")),
                new CancelToken(), BuildListener.NONE);
        assertEquals(ExperimentStatus.SUCCEEDED, e.status(), e.message());
        assertEquals("first try", e.label());
        Path dir = new ExperimentStore(w.workspace()).folder(e.id());
        String seen = Files.readString(dir.resolve("effective-config.yaml"));
        assertTrue(seen.contains("onnx_model: /rdkzoo/model/efficientnet_b2.onnx"), seen);
        assertTrue(seen.contains("cal_data_dir: /rdkzoo/calibration"), seen);
        assertFalse(seen.contains(w.root().toString()), "no host path reaches the container: " + seen);
        List<String> run = w.standIns().invocations("docker", "run").get(0).argv();
        assertEquals("rdkzoo-" + e.id(), run.get(run.indexOf("--name") + 1));
        assertTrue(run.stream().anyMatch(a -> a.contains("target=/rdkzoo/model,readonly")), run.toString());
        assertTrue(run.stream().anyMatch(a -> a.contains("target=/rdkzoo/calibration,readonly")), run.toString());
        assertTrue(run.stream().anyMatch(a -> a.endsWith("target=/rdkzoo/work")), run.toString());
        assertEquals(List.of("makertbin", "--config", "/rdkzoo/work/effective-config.yaml", "--model-type", "onnx"),
                w.standIns().invocations("hb_mapper", "makertbin").get(0).argv());
        assertEquals(Toolchain.DEFAULT_IMAGE, e.toolchain().details().get("image"));
        assertEquals("sha256:5tand1n0000", e.toolchain().details().get("imageId"));
        assertEquals(5, e.artifacts().size());
    }

    @Test
    void theOlderLogLayoutIsReadIntoTheSameRecord() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_LOG_FORMAT", "older");
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                BuildListener.NONE);
        assertEquals(ExperimentStatus.SUCCEEDED, e.status(), e.message());
        assertEquals("OLDER", e.log().format());
        assertEquals("1.23.8", e.toolchain().versions().get("hb_mapper"));
        assertEquals("float/float", e.layers().get(e.layers().size() - 1).dataType());
        assertEquals("/classifier/Gemm", e.outputs().get(0).output());
    }

    @Test
    void aConfigWithErrorsIsRefusedAndNothingRuns() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.writeConfig("default", "  per_channel: True\n  max_percentile: 0.9999\n");
        ConfigRejectedException ex = assertThrows(ConfigRejectedException.class,
                () -> runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                        BuildListener.NONE));
        assertEquals(List.of("calibration_parameters.max_percentile", "calibration_parameters.per_channel"),
                ex.problems().stream().map(ConfigCheck.Problem::key).toList());
        assertFalse(Files.exists(w.workspace().resolve("experiments")), "no experiment folder for a refused config");
        assertTrue(w.standIns().invocations().isEmpty());
    }

    @Test
    void aConfigTheToolchainRefusesIsAFailedExperimentWithItsWords() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "yaml");
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                BuildListener.NONE);
        assertEquals(ExperimentStatus.FAILED, e.status());
        assertEquals(1, e.exitCode());
        assertTrue(e.message().contains("yaml file parse failed"), e.message());
        assertTrue(e.layers().isEmpty());
        assertTrue(e.artifacts().isEmpty());
    }

    @Test
    void aNonZeroExitIsAFailedExperimentNamingTheError() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "exit");
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                BuildListener.NONE);
        assertEquals(ExperimentStatus.FAILED, e.status());
        assertTrue(e.message().startsWith("hb_mapper exited with status 1: [ONNXRuntimeError]"), e.message());
        assertEquals(4, e.artifacts().size(), "the ONNX files written before the failure are kept and hashed");
    }

    @Test
    void aCrashMidTableKeepsTheRowsItPrinted() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "crash");
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(w.config()), new CancelToken(),
                BuildListener.NONE);
        assertEquals(ExperimentStatus.FAILED, e.status());
        assertEquals(134, e.exitCode());
        assertEquals(7, e.layers().size());
        assertTrue(e.outputs().isEmpty());
    }

    @Test
    void theTimeoutStopsTheToolchainAndItsChildrenAndRecordsTimedOut() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "hang");
        Experiment e = runner(w, ToolchainLocator.Choice.LOCAL).build(
                new BuildRequest(w.config(), null, Duration.ofMillis(1500), Map.of(), Map.of(), Map.of(), List.of()),
                new CancelToken(), BuildListener.NONE);
        assertEquals(ExperimentStatus.TIMED_OUT, e.status());
        assertProcessGone(w.standIns().state().resolve("hang-child.pid"));
        assertProcessGone(w.standIns().state().resolve("hang-self.pid"));
        Path dir = new ExperimentStore(w.workspace()).folder(e.id());
        assertEquals("timed-out", Json.mapper().readTree(dir.resolve("experiment.json").toFile()).get("status").asText());
        assertTrue(Files.readString(dir.resolve("hb_mapper_makertbin.log")).contains("Start to calibrate"));
        assertNotNull(e.provenance().finished());
    }

    @Test
    void cancellingADockerBuildKillsTheContainerAndRecordsInterrupted() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "hang");
        CancelToken cancel = new CancelToken();
        Experiment e = runner(w, ToolchainLocator.Choice.DOCKER).build(BuildRequest.of(w.config()), cancel,
                new BuildListener() {
                    @Override
                    public void line(String line) {
                        if (line.contains("Start to calibrate")) {
                            new Thread(cancel::cancel).start(); // as the Ctrl-C hook does, from another thread
                        }
                    }
                });
        assertEquals(ExperimentStatus.INTERRUPTED, e.status());
        List<StandIns.Invocation> kills = w.standIns().invocations("docker", "kill");
        assertEquals(List.of("kill", "rdkzoo-" + e.id()), kills.get(0).argv());
        assertProcessGone(w.standIns().state().resolve("hang-child.pid"));
        assertEquals(ExperimentStatus.INTERRUPTED, new ExperimentStore(w.workspace()).read(e.id()).status());
        assertEquals(ExperimentStatus.INTERRUPTED, new ExperimentStore(w.workspace()).list().get(0).status());
    }

    static void assertProcessGone(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still alive");
    }
}
