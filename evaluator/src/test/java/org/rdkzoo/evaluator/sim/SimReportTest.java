package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

class SimReportTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenReportReadsBackWithItsTableSearchAndRanking() throws Exception {
        int c = 3;
        Simulator sim = Simulator.of(SimGraphs.convChain(c, 4, 4, List.of(SimGraphs.randomWeight(c, 1),
                SimGraphs.randomWeight(c, 2)), List.of(new float[c], new float[c]), true), "chain");
        CalibrationSet set = SimGraphs.smoothImages(3, c, 4, 1);
        CalibrationStats stats = sim.calibrate(set, SimProgress.NONE);
        ReferenceOutputs reference = sim.reference(set);
        QuantSettings settings = QuantSettings.of(CalibrationMethod.DEFAULT).withNode("conv1", NodePrecision.int16());
        DefaultSearch.Result search = sim.search(settings, stats, reference, SimProgress.NONE);
        SimModel q = search.selected();
        SimilarityTable table = sim.layers(q, set, "r.json", SimProgress.NONE);
        Sensitivity.Result ranking = sim.sensitivity(q.settings(), stats, reference, NodePrecision.int16(),
                SimProgress.NONE);
        SimReport report = new SimReport(SimReport.FORMAT, new SimReport.Model("chain.onnx", "00", 2, 2),
                new SimReport.Calibration("x", 3, 3, 3), q.record(), SimReport.Search.of(search), table,
                q.activations(), ranking, new Int16Search.Result(List.of("conv0"), 0.5, true, 1.0,
                        List.of(new Int16Search.Step(0, 2.0), new Int16Search.Step(1, 0.5))),
                Provenance.start(Clock.systemUTC(), List.of("sim"), Map.of()).finish(Clock.systemUTC()));
        Path file = dir.resolve("r.json");
        report.write(file);
        SimReport back = SimReport.read(file);
        assertEquals(table, back.table());
        assertEquals(search.candidates(), back.search().candidates());
        assertEquals(ranking, back.sensitivity());
        assertEquals(q.activations(), back.activations());
        assertEquals("int16", back.table().layers().stream().filter(l -> l.node().equals("conv1")).findFirst()
                .orElseThrow().dataType());
        assertEquals("InputType=int16, ON=BPU, OutputType=int16",
                back.table().settings().get("model_parameters.node_info.conv1"));
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"format\": \"rdkzoo.results/1\"}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SimReport.read(file));
        assertTrue(e.getMessage().contains("not an rdkzoo simulation report"), e.getMessage());
    }
}
