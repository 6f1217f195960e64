package org.rdkzoo.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.report.ZooFixtures;
import org.rdkzoo.evaluator.results.BenchFiles;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.results.ResultsFiles;

class ReportCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("home"));
    }

    private String write(LoadedResults r) throws IOException {
        Path file = dir.resolve(r.file());
        ResultsFiles.write(file, r.results());
        return file.toString();
    }

    @Test
    void markdownTableOfEveryModelWithBench() throws IOException {
        String f = write(ZooFixtures.b2Float());
        String q = write(ZooFixtures.b2Board());
        String s = write(ZooFixtures.b2Sim());
        Path bench = dir.resolve("bench.json");
        BenchFiles.write(bench, ZooFixtures.b2Bench().bench());
        CliRunner.Result r = cli.run("report", "--bench", bench.toString(), f, q, s);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("| efficientnet\\_b2 | bpu | 224x224 | 1000 |  | 80.00 (49.02-94.33) |"
                + " 60.00 (31.27-83.18) | -20.00 (-52.11 to +18.70) | 10 | 3.31 | 10.51 (4 threads) | 376.77 |"), r.out());
        assertTrue(r.out().contains("| efficientnet\\_b2 | sim (simulated) |"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void zooPublishedFiguresComeFromTheCatalogAndParamsFromTheGraph() throws IOException {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("efficientnet_b2.onnx"));
        long weights = OnnxModel.read(onnx).parameterCount().weights();
        EvaluationResults floatRun = ZooFixtures.b2Float().results();
        EvaluationResults.Model m = floatRun.model();
        EvaluationResults withModel = new EvaluationResults(floatRun.format(), floatRun.backend(),
                new EvaluationResults.Model(onnx.toString(), m.sha256(), m.catalogId(), m.inputName(), m.inputShape(),
                        m.classes()),
                floatRun.dataset(), floatRun.preprocessing(), floatRun.metrics(), floatRun.images(), floatRun.failures(),
                floatRun.provenance());
        Path f = dir.resolve("b2-float.json");
        ResultsFiles.write(f, withModel);
        String q = write(ZooFixtures.b2Board());

        CliRunner.Result r = cli.run("report", f.toString(), q, "--format", "json");

        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String json = r.out();
        // The catalog's EfficientNet_B2 row: float 76.50, quantized 73.25, 9.07 M params, 376.77 FPS.
        assertTrue(json.contains("76.5") && json.contains("73.25") && json.contains("9.07") && json.contains("376.77"),
                json);
        assertTrue(json.contains(Long.toString(weights)), "counted params " + weights + " in " + json);
    }

    @Test
    void pairOptionMatchesPathsHoweverTheyAreSpelled() throws IOException {
        String f = write(ZooFixtures.v3Float());
        String q = write(ZooFixtures.v3Board());
        CliRunner.Result r = cli.run("report", f, q, "--format", "json", "--pair",
                dir.resolve(".").resolve("v3-float.json") + "=" + q);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(1, j.get("rows").size());
        assertEquals(-35.0, j.at("/rows/0/delta/points").asDouble(), 1e-9);
        assertTrue(!j.at("/rows/0/delta/paired").asBoolean());
    }

    @Test
    void htmlAndCsvGoToOut() throws IOException {
        String f = write(ZooFixtures.b2Float());
        Path html = dir.resolve("zoo.html");
        CliRunner.Result r = cli.run("report", f, "--format", "html", "--out", html.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(Files.readString(html).contains("<table id=\"zoo-table\">"));
        String csv = cli.run("report", f, "--format", "csv").out();
        assertTrue(csv.startsWith("model,backend,simulated,"), csv);
    }

    @Test
    void ambiguousInputsBadPairsAndTextFormatAreUsageErrors() throws IOException {
        String f = write(ZooFixtures.b2Float());
        Path again = dir.resolve("again.json");
        Files.copy(Path.of(f), again);
        CliRunner.Result twice = cli.run("report", f, again.toString());
        assertEquals(ExitCodes.USAGE, twice.exitCode());
        assertTrue(twice.err().contains("has two onnxruntime results"), twice.err());
        CliRunner.Result pair = cli.run("report", f, "--pair", "nonsense");
        assertEquals(ExitCodes.USAGE, pair.exitCode());
        assertTrue(pair.err().contains("--pair takes FLOAT.json=QUANT.json, was 'nonsense'"), pair.err());
        CliRunner.Result text = cli.run("report", f, "--format", "text");
        assertEquals(ExitCodes.USAGE, text.exitCode());
        assertTrue(text.err().contains("report renders md, csv, json or html"), text.err());
        CliRunner.Result bench = cli.run("report", f, "--bench", f);
        assertEquals(ExitCodes.USAGE, bench.exitCode());
        assertTrue(bench.err().contains("not an rdkzoo bench file"), bench.err());
    }
}
