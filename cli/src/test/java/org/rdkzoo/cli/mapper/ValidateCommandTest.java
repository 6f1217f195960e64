package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        return new CliRunner(dir.resolve("home")).run(args);
    }

    private Path config(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aTypoIsReportedWithItsPlaceAndExitCode2() throws Exception {
        Path c = config("b2.yaml", ZooConfigs.efficientNetB2().replace("calibration_type: 'default'", "calibation_type: 'default'"));
        CliRunner.Result r = run("mapper", "validate", "--no-files", c.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.out().contains(c + ":55:3: error: calibration_parameters.calibation_type: unknown key 'calibation_type' "
                + "in calibration_parameters; did you mean 'calibration_type'?"), r.out());
        assertTrue(r.out().endsWith("FAILED: 1 config, 1 error, 0 warnings\n"), r.out());
    }

    @Test
    void aCleanConfigExits0AndStrictMakesWarningsFail() throws Exception {
        Path clean = config("clean.yaml", ZooConfigs.efficientNetB2());
        CliRunner.Result ok = run("mapper", "validate", "--no-files", clean.toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.out());
        assertEquals("OK: 1 config, 0 errors, 0 warnings\n", ok.out());

        Path warned = config("warned.yaml", ZooConfigs.efficientNetB2().replace("layer_out_dump: False", "layer_out_dump: True"));
        assertEquals(ExitCodes.OK, run("mapper", "validate", "--no-files", warned.toString()).exitCode());
        CliRunner.Result strict = run("mapper", "validate", "--no-files", "--strict", warned.toString(), clean.toString());
        assertEquals(ExitCodes.USAGE, strict.exitCode());
        assertTrue(strict.out().contains("warning: model_parameters.layer_out_dump"), strict.out());
    }

    @Test
    void jsonListsEveryFileAndFinding() throws Exception {
        Path bad = config("bad.yaml", ZooConfigs.efficientNetB2().replace("optimize_level: 'O3'", "optimize_level: 'O3'\n  core_num: 2"));
        CliRunner.Result r = run("mapper", "validate", "--no-files", "--format", "json", bad.toString(),
                dir.resolve("missing.yaml").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        var tree = Json.mapper().readTree(r.out());
        assertEquals(2, tree.get("errors").asInt());
        var first = tree.get("files").get(0).get("diagnostics").get(0);
        assertEquals("compiler_parameters.core_num", first.get("key").asText());
        assertEquals(60, first.get("line").asInt());
        assertEquals("no such file", tree.get("files").get(1).get("diagnostics").get(0).get("message").asText());
    }

    @Test
    void withFilesTheMissingModelIsFound() throws Exception {
        Path c = config("b2.yaml", ZooConfigs.efficientNetB2());
        CliRunner.Result r = run("mapper", "validate", c.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.out().contains(":5:15: error: model_parameters.onnx_model: the model file does not exist"), r.out());
        assertTrue(r.out().contains("calibration_parameters.cal_data_dir: the calibration folder does not exist"), r.out());
    }

    @Test
    void helpShowsAnExample() {
        CliRunner.Result r = run("mapper", "validate", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("rdkzoo mapper validate EfficientNet_B2_config.yaml"), r.out());
    }
}
