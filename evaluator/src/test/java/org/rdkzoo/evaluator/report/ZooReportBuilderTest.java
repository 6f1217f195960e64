package org.rdkzoo.evaluator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.compare.CompareFixtures;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.report.ZooReport.Row;
import org.rdkzoo.evaluator.results.BenchResults;
import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.ResultsFixtures;
import org.rdkzoo.evaluator.stats.Confidence;
import org.rdkzoo.evaluator.stats.IndependentDifference;
import org.rdkzoo.evaluator.stats.PairedDifference;
import org.rdkzoo.evaluator.stats.Wilson;
import org.rdkzoo.runtime.bench.Throughput;

class ZooReportBuilderTest {
    private static ZooReport build(ReportInputs inputs) throws ReportException {
        return ZooReportBuilder.build(inputs, ZooFixtures.PARAMS, CompareFixtures.PROVENANCE);
    }

    private static Row row(ZooReport r, String model, String backend) {
        return r.rows().stream().filter(x -> x.model().equals(model) && java.util.Objects.equals(x.backend(), backend))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + model + "/" + backend + " in " + r.rows()));
    }

    @Test
    void modelKeysNormaliseFileNamesAndCatalogIds() {
        assertEquals("efficientnet_b2", ModelKeys.ofFile("/models/efficientnet_b2.onnx"));
        assertEquals("efficientnet_b2", ModelKeys.ofFile("EfficientNet_B2_224x224_nv12.bin"));
        assertEquals("efficientnet_b2", ModelKeys.ofFile("work\\EfficientNet_B2_quantized_model.onnx"));
        assertEquals("repvgg_a0", ModelKeys.ofFile("RepVGG-A0_original_float_model.onnx"));
        assertEquals("efficientnet_b2", ModelKeys.of("EfficientNet_B2", "whatever.bin"));
        assertEquals("mobilenetv3", ModelKeys.ofFile("MobileNetV3_224x224_nv12.bin"));
        assertEquals("mobilenetv3_large_100", ModelKeys.ofFile("mobilenetv3_large_100.onnx"));
    }

    @Test
    void floatPairsWithBoardAndSimulationInSeparateRows() throws Exception {
        ZooReport r = build(ZooFixtures.all(List.of()));
        assertEquals(List.of("efficientnet_b2/bpu", "efficientnet_b2/sim", "MobileNetV3_224x224_nv12/bpu",
                "mobilenetv3_large_100/null"), r.rows().stream().map(x -> x.model() + "/" + x.backend()).toList());

        Row board = row(r, "efficientnet_b2", "bpu");
        assertFalse(board.simulated());
        assertEquals("224x224", board.inputSize());
        assertEquals(1000, board.classes());
        assertEquals(9_110_000L, board.params());
        assertEquals(80.0, board.floatRun().top1Percent(), 1e-12);
        assertEquals(Wilson.interval(8, 10, Confidence.NINETY_FIVE).scaled(100), board.floatRun().top1Interval());
        assertEquals(60.0, board.quantRun().top1Percent(), 1e-12);
        // The ten-image comparison: 5 both right, 1 gained, 3 lost, 1 both wrong.
        assertEquals(new ZooReport.Delta(-20.0, PairedDifference.interval(5, 1, 3, 1, Confidence.NINETY_FIVE)
                .scaled(100), true, 10, "Newcombe square-and-add (paired)", 0.625), withRoundedPoints(board.delta()));

        Row sim = row(r, "efficientnet_b2", "sim");
        assertTrue(sim.simulated());
        assertEquals(70.0, sim.quantRun().top1Percent(), 1e-12);
        assertEquals(-10.0, sim.delta().points(), 1e-12);
        assertNull(sim.bench(), "simulated rows never carry board latency");
        assertTrue(r.notes().contains("Rows marked sim are the int8 simulation on the PC, not figures measured on the"
                + " board."), r.notes().toString());
    }

    private static ZooReport.Delta withRoundedPoints(ZooReport.Delta d) {
        return new ZooReport.Delta(Math.rint(d.points() * 1e9) / 1e9, d.interval(), d.paired(), d.images(), d.method(),
                d.pValue());
    }

    @Test
    void benchGoesWithTheBoardRowOfTheSameBinAndPublishedFiguresWithTheModel() throws Exception {
        ZooReport r = build(ZooFixtures.all(List.of()));
        Row board = row(r, "efficientnet_b2", "bpu");
        assertEquals(new ZooReport.Bench("b2-bench.json", 3.31, 10.51, 4, 376.77, "1.24.5"), board.bench());
        assertEquals("efficientnet_b2", board.published().modelId());
        assertEquals("efficientnet_b2", row(r, "efficientnet_b2", "sim").published().modelId());
        assertEquals("mobilenetv3", row(r, "MobileNetV3_224x224_nv12", "bpu").published().modelId());
        assertNull(row(r, "mobilenetv3_large_100", null).published(), "catalog id differs: no match by stem");
        assertEquals(List.of("b2-float.json", "b2-board.json", "b2-sim.json", "v3-float.json", "v3-board.json",
                "b2-bench.json"), r.provenance().inputs().stream().map(i -> i.path()).toList());
    }

    @Test
    void explicitPairJoinsModelsTheStemsKeepApartWithAnUnpairedInterval() throws Exception {
        ZooReport r = build(ZooFixtures.all(List.of(new ReportInputs.Pair("v3-float.json", "v3-board.json"))));
        Row v3 = row(r, "mobilenetv3_large_100", "bpu");
        assertEquals(75.0, v3.floatRun().top1Percent(), 1e-12);
        assertEquals(40.0, v3.quantRun().top1Percent(), 1e-12);
        assertFalse(v3.delta().paired());
        assertEquals(-35.0, v3.delta().points(), 1e-9);
        assertEquals(IndependentDifference.interval(2, 5, 3, 4, Confidence.NINETY_FIVE).scaled(100), v3.delta().interval());
        assertTrue(Double.isNaN(v3.delta().pValue()));
        assertEquals(4, v3.delta().images());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("unpaired delta for v3-float.json and v3-board.json:"
                + " v3-float.json and v3-board.json were not evaluated on the same images")), r.notes().toString());
        assertEquals(3, r.rows().size());
    }

    @Test
    void twoResultsOfOneKindForOneModelAreRefused() {
        ReportInputs inputs = new ReportInputs(List.of(ZooFixtures.b2Float(), new org.rdkzoo.evaluator.results
                .LoadedResults("again.json", null, ZooFixtures.b2Float().results())), List.of(), List.of(), List.of());
        ReportException e = assertThrows(ReportException.class, () -> build(inputs));
        assertEquals("model 'efficientnet_b2' has two onnxruntime results (b2-float.json, again.json): pass --pair"
                + " FLOAT.json=QUANT.json to say which go together, or report them separately", e.getMessage());
    }

    @Test
    void aPairNamingAFileNotGivenIsRefused() {
        ReportException e = assertThrows(ReportException.class, () -> build(ZooFixtures.all(List.of(
                new ReportInputs.Pair("v3-float.json", "nope.json")))));
        assertTrue(e.getMessage().startsWith("--pair v3-float.json=nope.json: nope.json is not among the results given"),
                e.getMessage());
    }

    @Test
    void paramsThatCannotBeCountedLeaveTheColumnEmptyWithANote() throws Exception {
        ZooReport r = ZooReportBuilder.build(ZooFixtures.all(List.of()), model -> {
            throw new IOException("not an ONNX file");
        }, CompareFixtures.PROVENANCE);
        assertNull(row(r, "efficientnet_b2", "bpu").params());
        assertTrue(r.notes().contains("params of /models/efficientnet_b2.onnx not counted: not an ONNX file"),
                r.notes().toString());
        assertNull(ZooReportBuilder.build(ZooFixtures.all(List.of()), ParamsCounter.UNKNOWN, CompareFixtures.PROVENANCE)
                .rows().get(0).params());
    }

    @Test
    void multiThreadFiguresComeFromTheRunWithTheMostThreads() throws Exception {
        BenchResults full = ResultsFixtures.bench(ZooFixtures.B2_BIN_SHA);
        BenchResults more = new BenchResults(full.format(), full.model(), full.latency(), List.of(
                full.throughput().get(1), new Throughput(8, 200, 520.0, 384.6, 20.8, 30.0), full.throughput().get(0)),
                full.libdnnVersion(), full.provenance());
        assertEquals(8, more.multiThread().orElseThrow().threads());
        ZooReport.Bench eight = benchRow(more);
        assertEquals(new ZooReport.Bench("b.json", 3.31, 20.8, 8, 384.6, "1.24.5"), eight);

        BenchResults single = new BenchResults(full.format(), full.model(), full.latency(),
                List.of(full.throughput().get(0)), full.libdnnVersion(), full.provenance());
        ZooReport.Bench one = benchRow(single);
        assertTrue(Double.isNaN(one.latencyMultiThreadMs()));
        assertNull(one.threads());
        assertEquals(302.1, one.fps(), "single-thread FPS when nothing ran on more threads");
        assertTrue(Double.isNaN(benchRow(new BenchResults(full.format(), full.model(), full.latency(), List.of(),
                null, null)).fps()));
    }

    private static ZooReport.Bench benchRow(BenchResults b) throws ReportException {
        return build(new ReportInputs(List.of(), List.of(new LoadedBench("b.json", null, b)), List.of(), List.of()))
                .rows().get(0).bench();
    }

    @Test
    void benchWithoutResultsStillMakesABoardRow() throws Exception {
        ZooReport r = build(new ReportInputs(List.of(), List.of(ZooFixtures.b2Bench()), ZooFixtures.published(),
                List.of()));
        assertEquals(1, r.rows().size());
        Row only = r.rows().get(0);
        assertEquals("EfficientNet_B2_224x224_nv12", only.model(), "no catalog id: named by its file");
        assertEquals("efficientnet_b2", only.published().modelId(), "but matched to the zoo by its normalised stem");
        assertEquals("bpu", only.backend());
        assertNull(only.quantRun());
        assertEquals(376.77, only.bench().fps());
    }

    @Test
    void markdownShowsMeasuredAndPublishedRows() throws Exception {
        String md = ZooReports.render(build(ZooFixtures.all(List.of())), ReportFormat.MD);
        assertTrue(md.contains("| efficientnet\\_b2 | bpu | 224x224 | 1000 | 9.11 | 80.00 (49.02-94.33) |"
                + " 60.00 (31.27-83.18) | -20.00 (-52.11 to +18.70) | 10 | 3.31 | 10.51 (4 threads) | 376.77 |\n"), md);
        assertTrue(md.contains("| efficientnet\\_b2 | sim (simulated) | 224x224 | 1000 | 9.11 | 80.00 (49.02-94.33) |"
                + " 70.00 (39.68-89.22) |"), md);
        assertTrue(md.contains("| *efficientnet\\_b2 (zoo, published)* | *bpu* |  |  | *9.07* | *76.50* | *73.25* |"
                + " *-3.25* |  | *3.31* | *10.51* | *376.77* |\n"), md);
        assertTrue(md.contains("| mobilenetv3\\_large\\_100 | - | 224x224 | 1000 |  | 75.00 (30.06-95.44) |  |  | 4 |"),
                md);
        assertEquals(1, md.split("efficientnet\\\\_b2 \\(zoo, published\\)", -1).length - 1, "one zoo row per model");
    }

    @Test
    void csvAndJsonCarryEveryFigure() throws Exception {
        ZooReport report = build(ZooFixtures.all(List.of()));
        String[] lines = ZooReports.render(report, ReportFormat.CSV).split("\r\n");
        assertEquals(String.join(",", ZooReportCsv.HEADER), lines[0]);
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("efficientnet_b2,bpu,false,224x224,1000,9110000,b2-float.json,10,80.0,"),
                lines[1]);
        assertTrue(lines[1].endsWith(",true,10,0.625,3.31,10.51,4,376.77,1.24.5,9.07,76.5,73.25,3.31,10.51,376.77"),
                lines[1]);
        assertTrue(lines[4].startsWith("mobilenetv3_large_100,,false,224x224,1000,,v3-float.json,4,75.0,"), lines[4]);

        JsonNode j = Json.mapper().readTree(ZooReports.render(report, ReportFormat.JSON));
        assertEquals(ZooReport.FORMAT, j.get("format").asText());
        assertEquals(-20.0, j.at("/rows/0/delta/points").asDouble(), 1e-9);
        assertEquals("sim", j.at("/rows/1/backend").asText());
        assertTrue(j.at("/rows/1/simulated").asBoolean());
        assertTrue(j.at("/rows/3/delta").isNull());
        assertTrue(j.at("/rows/2/floatRun").isNull());
        assertThrows(IllegalArgumentException.class, () -> ZooReports.render(report, ReportFormat.TEXT));
    }
}
