package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.mapperconfigs.standin.Workbench;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainLocator;

class MapperCommandsTest {
    @TempDir
    Path tmp;

    private static CliRunner cli(Workbench w) {
        CliRunner r = new CliRunner(w.workspace());
        w.env().forEach(r::env);
        return r;
    }

    @Test
    void buildsTwoExperimentsThenListsShowsAndDiffsThem() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        CliRunner.Result first = cli(w).run("mapper", "build", w.config().toString(), "--toolchain", "local", "--name", "b2-default");
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(first.out().contains("status      succeeded"), first.out());
        assertTrue(first.out().contains("worst layers (of 15):"), first.out());
        assertTrue(first.err().contains("Convert to runtime bin file successfully!"), "the toolchain's output is streamed");

        w.writeConfig("kl", "");
        CliRunner.Result second = cli(w).run("mapper", "build", w.config().toString(), "--toolchain", "local", "-q",
                "--format", "json");
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        String secondId = Json.mapper().readTree(second.out()).get("id").asText();
        assertTrue(!second.err().contains("Convert to runtime"), "--quiet keeps the toolchain's output off stderr");

        CliRunner.Result list = cli(w).run("experiments", "list");
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("b2-default") && list.out().contains(secondId), list.out());
        assertTrue(list.out().contains("calibration_type=kl"), list.out());

        CliRunner.Result show = cli(w).run("experiments", "show", secondId.substring(0, secondId.length() - 2));
        assertEquals(ExitCodes.OK, show.exitCode(), show.err());
        assertTrue(show.out().contains("experiment  " + secondId), show.out());

        CliRunner.Result diff = cli(w).run("experiments", "diff", "b2-default", secondId);
        assertEquals(ExitCodes.OK, diff.exitCode(), diff.err());
        assertTrue(diff.out().matches("(?s).*calibration_parameters\\.calibration_type\\s+default\\s+kl.*"), diff.out());
        assertTrue(diff.out().contains("15 layers compared"), diff.out());
        assertTrue(diff.out().contains("output "), diff.out());
    }

    @Test
    void aConfigWithErrorsIsRefusedWithExitTwoAndTheDiagnosticsAsValidatePrintsThem() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.writeConfig("kl", "  max_percentile: 0.9999\n");
        CliRunner.Result r = cli(w).run("mapper", "build", w.config().toString(), "--toolchain", "local");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        String located = w.config() + ":20:19: error: calibration_parameters.max_percentile: "
                + "max_percentile is used only with calibration_type max";
        assertTrue(r.err().contains(located), r.err());
        // The same line `mapper validate` prints for the same file.
        CliRunner.Result validate = cli(w).run("mapper", "validate", w.config().toString());
        assertEquals(ExitCodes.USAGE, validate.exitCode());
        assertTrue(validate.out().contains(located), validate.out());
        assertTrue(r.err().contains("has 1 error(s); nothing was run"), r.err());
        assertTrue(w.standIns().invocations("hb_mapper", "makertbin").isEmpty());
    }

    @Test
    void noToolchainIsExitFiveWithWhatToInstallAndTheOfflineImage() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.standIns().without("docker").without("hb_mapper");
        CliRunner.Result r = cli(w).run("mapper", "build", w.config().toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode());
        assertTrue(r.err().contains("docker pull openexplorer/ai_toolchain_ubuntu_20_x5_cpu:v1.2.8"), r.err());
        assertTrue(r.err().contains(ToolchainLocator.OFFLINE_IMAGE_URL), r.err());
    }

    @Test
    void aTimeoutIsExitOneWithTheRecordKept() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        w.env().put("STANDIN_FAIL", "hang");
        CliRunner.Result r = cli(w).run("mapper", "build", w.config().toString(), "--toolchain", "local",
                "--timeout", "1500ms", "-q");
        assertEquals(ExitCodes.FAILURE, r.exitCode());
        assertTrue(r.out().contains("status      timed-out"), r.out());
        assertTrue(r.err().contains("logs kept in"), r.err());
        CliRunner.Result list = cli(w).run("experiments", "list", "--status", "timed-out", "--format", "json");
        assertEquals(1, Json.mapper().readTree(list.out()).size(), list.out());
    }

    @Test
    void checkPrintsTheNodeTableAndWhereEachNodeRuns() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        CliRunner.Result r = cli(w).run("mapper", "check", w.config().toString(), "--toolchain", "docker");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("/classifier/Gemm_transpose_output_reshape"), r.out());
        assertTrue(r.out().contains("13 nodes: 12 on the BPU in 1 subgraph(s), 1 on the CPU"), r.out());
        CliRunner.Result json = cli(w).run("mapper", "check", "--model", w.model().toString(), "--input-shape",
                "data=1x3x224x224", "--toolchain", "local", "--format", "json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        assertEquals(13, Json.mapper().readTree(json.out()).get("nodes").size());
        assertTrue(w.standIns().invocations("hb_mapper", "checker").get(1).argv()
                .containsAll(java.util.List.of("--input-shape", "data", "1x3x224x224")));
        // The workbench model's input is fixed: the checker reads it, no --input-shape is added.
        assertFalse(w.standIns().invocations("hb_mapper", "checker").get(0).argv().contains("--input-shape"));
    }

    @Test
    void checkPassesASymbolicBatchAsOneUnderTheInputNameFromTheGraph() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        Path dynamic = w.models().resolve("dynamic batch.onnx");
        new OnnxBuilder("g", 11).input("images", DataType.FLOAT, -1, 3, 32, 32)
                .node("Identity", "id", List.of("images"), List.of("out")).output("out", DataType.FLOAT, -1, 3, 32, 32)
                .build().save(dynamic);
        CliRunner.Result r = cli(w).run("mapper", "check", "--model", dynamic.toString(), "--toolchain", "local");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("--input-shape images 1x3x32x32 (from the model (Nx3x32x32, batch N taken as 1))"), r.err());
        List<String> argv = w.standIns().invocations("hb_mapper", "checker").get(0).argv();
        assertEquals(List.of("--input-shape", "images", "1x3x32x32"), argv.subList(argv.size() - 3, argv.size()));
    }

    @Test
    void sweepPlansSkipsRunsAndRanks() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        CliRunner.Result plan = cli(w).run("mapper", "sweep", w.config().toString(), "--set", "calibration_type=default,max",
                "--set", "max_percentile=-,0.99995", "--dry-run", "--toolchain", "local");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("skip: max_percentile is used only with calibration_type max"), plan.out());
        assertTrue(plan.err().contains("4 combinations: 3 to build, 0 built before, 1 skipped"), plan.err());

        CliRunner.Result run = cli(w).run("mapper", "sweep", w.config().toString(), "--set", "calibration_type=default,max",
                "--set", "max_percentile=-,0.99995", "--jobs", "2", "--toolchain", "local", "--timeout", "5m");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("rank"), run.out());
        assertTrue(run.out().contains("#2 calibration_type=default max_percentile=0.99995: skipped"), run.out());
        assertEquals(3, run.out().lines().filter(l -> l.matches("^[123]\\s+\\d{8}-.*")).count(), run.out());

        CliRunner.Result again = cli(w).run("mapper", "sweep", w.config().toString(), "--set", "calibration_type=default,max",
                "--set", "max_percentile=-,0.99995", "--toolchain", "local");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.err().contains("0 to build, 3 built before"), again.err());
        assertEquals(3, w.standIns().invocations("hb_mapper", "makertbin").size());
    }

    @Test
    void durationsReadTheUsualShorthands() {
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse("1h30m"));
        assertEquals(Duration.ofSeconds(90), DurationConverter.parse("90s"));
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1500ms"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("PT2H"));
        org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.TypeConversionException.class,
                () -> DurationConverter.parse("soon"));
    }
}
