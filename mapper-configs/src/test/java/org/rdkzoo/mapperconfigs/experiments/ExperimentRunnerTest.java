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
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.mapperconfigs.calib.CalibrationManifest;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.standin.StandIns;
import org.rdkzoo.mapperconfigs.standin.Workbench;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.Toolchain;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainLocator;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.ValidationOptions;

class ExperimentRunnerTest {
    @TempDir
    Path tmp;

    private ExperimentRunner runner(Workbench w, ToolchainLocator.Choice choice) throws Exception {
        Toolchain t = new ToolchainLocator(w.env()).locate(choice, null);
        return new ExperimentRunner(new ExperimentStore(w.workspace()), t, w.env(), Clock.systemUTC(),
                Duration.ofSeconds(2));
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
        // The effective config hb_mapper read, as the config writer writes it; its hash is of the text below the header.
        assertEquals(ExperimentRunner.EFFECTIVE_CONFIG, e.config().toolchainFile());
        String effective = Files.readString(dir.resolve(ExperimentRunner.EFFECTIVE_CONFIG));
        assertTrue(effective.startsWith("# hb_mapper config for the RDK X5"), effective);
        assertEquals(Sha256.of(effective.replaceFirst("(?s)^(#[^\n]*\n)+", "")), e.config().hash());
        assertTrue(effective.contains(e.config().hash()), "the header names the hash");
        assertEquals(MapperConfigReader.read(dir.resolve(ExperimentRunner.EFFECTIVE_CONFIG)).document(),
                e.config().effective());
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
        Files.writeString(CalibrationManifest.locationFor(w.calibration()), "{\"images\": 3}");
        PreparedBuild p = runner(w, ToolchainLocator.Choice.LOCAL).prepare(BuildRequest.of(w.config()));
        assertEquals("manifest", p.calibrationFingerprint().basis());
        assertEquals(Sha256.of(CalibrationManifest.locationFor(w.calibration())), p.calibrationFingerprint().sha256());
    }

    @Test
    void dockerBuildsInFoldersWithSpacesQuotesAndDollarsSeeContainerPathsOnly() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("it's a \"test\" $HOME, really"));
        Experiment e = runner(w, ToolchainLocator.Choice.DOCKER).build(
                new BuildRequest(w.config(), "first try", null, null, Map.of(), List.of("mapper", "build")),
                new CancelToken(), BuildListener.NONE);
        assertEquals(ExperimentStatus.SUCCEEDED, e.status(), e.message());
        assertEquals("first try", e.label());
        Path dir = new ExperimentStore(w.workspace()).folder(e.id());
        assertEquals(ExperimentRunner.TOOLCHAIN_CONFIG, e.config().toolchainFile());
        MapperConfig seen = MapperConfigReader.read(dir.resolve(ExperimentRunner.TOOLCHAIN_CONFIG));
        assertEquals("/rdkzoo/model/efficientnet_b2.onnx", seen.get(ConfigKey.ONNX_MODEL));
        assertEquals("/rdkzoo/calibration", seen.get(ConfigKey.CAL_DATA_DIR));
        String seenText = Files.readString(dir.resolve(ExperimentRunner.TOOLCHAIN_CONFIG));
        assertFalse(seenText.contains(w.root().toString()), "no host path reaches the container: " + seenText);
        // The effective config keeps the host paths, and the toolchain's differs from it in the paths only.
        MapperConfig effective = MapperConfigReader.read(dir.resolve(ExperimentRunner.EFFECTIVE_CONFIG));
        assertEquals(w.model().toString(), effective.get(ConfigKey.ONNX_MODEL));
        assertEquals(effective.with(ConfigKey.ONNX_MODEL, "/rdkzoo/model/efficientnet_b2.onnx")
                .with(ConfigKey.CAL_DATA_DIR, "/rdkzoo/calibration"), seen);
        List<String> run = w.standIns().invocations("docker", "run").get(0).argv();
        assertEquals("rdkzoo-" + e.id(), run.get(run.indexOf("--name") + 1));
        assertTrue(run.stream().anyMatch(a -> a.contains("target=/rdkzoo/model,readonly")), run.toString());
        assertTrue(run.stream().anyMatch(a -> a.contains("target=/rdkzoo/calibration,readonly")), run.toString());
        assertTrue(run.stream().anyMatch(a -> a.endsWith("target=/rdkzoo/work")), run.toString());
        assertEquals(List.of("makertbin", "--config", "/rdkzoo/work/toolchain-config.yaml", "--model-type", "onnx"),
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
        // Named relative to the working directory, as users type it.
        Path relative = Path.of("").toAbsolutePath().relativize(w.config());
        ConfigRejectedException ex = assertThrows(ConfigRejectedException.class,
                () -> runner(w, ToolchainLocator.Choice.LOCAL).build(BuildRequest.of(relative), new CancelToken(),
                        BuildListener.NONE));
        // The validator's errors, in file order, each at its line in the user's file.
        assertEquals(List.of("calibration_parameters.per_channel", "calibration_parameters.max_percentile"),
                ex.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::key).toList());
        assertEquals(ConfigValidator.validateFile(relative, ValidationOptions.defaults()), ex.diagnostics());
        assertEquals(List.of(20, 21), ex.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::line).toList());
        assertTrue(ex.diagnostics().stream().allMatch(d -> d.file().equals(relative)), "named as given, as validate names it");
        assertTrue(ex.diagnostics().stream().anyMatch(d -> d.message().equals("max_percentile is used only with calibration_type max")));
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
                // Long enough for the stand-in JVM to start and reach its hang on a busy machine.
                new BuildRequest(w.config(), null, Duration.ofSeconds(4), null, Map.of(), List.of()),
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
