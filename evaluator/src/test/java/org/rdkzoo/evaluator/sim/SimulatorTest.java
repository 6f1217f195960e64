package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

/** The whole simulation on the EfficientNet-shaped graph and on small graphs built to be fragile. */
class SimulatorTest {
    private static Simulator sim;
    private static CalibrationSet samples;
    private static CalibrationStats stats;

    @BeforeAll
    static void calibrate() throws Exception {
        sim = Simulator.of(EfficientNetGraphs.build(EfficientNetGraphs.tiny()), "tiny");
        samples = SimGraphs.smoothImages(8, 3, 224, 21);
        stats = sim.calibrate(samples, SimProgress.NONE);
    }

    @Test
    void int8StaysCloseToFloatOnASmoothNet() throws Exception {
        int c = 8;
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            weights.add(SimGraphs.randomWeight(c, 100 + i));
            biases.add(new float[c]);
        }
        Simulator smooth = Simulator.of(SimGraphs.convChain(c, 12, 12, weights, biases, true), "smooth");
        CalibrationSet set = SimGraphs.smoothImages(8, c, 12, 3);
        CalibrationStats st = smooth.calibrate(set, SimProgress.NONE);
        for (CalibrationMethod m : List.of(CalibrationMethod.MAX, CalibrationMethod.KL, CalibrationMethod.MIX)) {
            double cosine = smooth.reference(set).cosine(smooth.build(QuantSettings.of(m), st).model());
            assertTrue(cosine > 0.99, m + ": output cosine " + cosine);
        }
    }

    @Test
    void int8OnTheEfficientNetShapeKeepsItsOutputDirection() throws Exception {
        // Random weights and SiLU/squeeze-and-excite tails: rougher than a trained net, still well above 0.95.
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.MIX).withPerChannel(true), stats);
        double cosine = sim.reference(samples).cosine(q.model());
        assertTrue(cosine > 0.97, "output cosine " + cosine);
    }

    @Test
    void theLayerTableHasHbMappersRowsAndNames() throws Exception {
        SimModel q = sim.build(QuantSettings.of(CalibrationMethod.KL).withPerChannel(true), stats);
        SimilarityTable t = sim.layers(q, samples.first(2), "tiny", SimProgress.NONE);
        assertEquals("sim", t.source());
        LayerSimilarity first = t.layers().get(0);
        assertEquals("HZ_PREPROCESS_FOR_data", first.node());
        assertTrue(first.cosine() > 0.9999, "an int8 image loses almost nothing: " + first.cosine());
        LayerSimilarity pwl = t.layers().stream().filter(l -> l.node().equals("/blocks/blocks.5/blocks.5.0/conv_pwl/Conv"))
                .findFirst().orElseThrow();
        assertEquals("Conv", pwl.type());
        assertEquals("int8", pwl.dataType());
        assertTrue(pwl.threshold() > 0);
        assertEquals(q.plan().nodes().size() + 1, t.layers().size());
        assertEquals(List.of("output"), t.outputs().stream().map(o -> o.output()).toList());
        var out = t.outputs().get(0);
        assertTrue(out.l2() < out.l1() && out.l1() <= out.chebyshev(), out.toString());
        assertEquals("kl", t.settings().get(SimSettingsKeys.CALIBRATION_TYPE));
        assertEquals("True", t.settings().get(SimSettingsKeys.PER_CHANNEL));
    }

    /**
     * conv0's output channel 3 carries a bias of 1000, which conv1 ignores (zero weights): with max calibration,
     * conv1's input step is 1000/127 and the useful channels round to nothing, unless conv1 reads it in int16
     * (or in float, on the CPU).
     */
    private static Simulator fragile() throws Exception {
        int c = 4;
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            weights.add(SimGraphs.randomWeight(c, 30 + i));
            biases.add(new float[c]);
        }
        biases.get(0)[3] = 1000;
        for (int o = 0; o < c; o++) {
            weights.get(1)[o * c + 3] = 0;
        }
        return Simulator.of(SimGraphs.convChain(c, 6, 6, weights, biases, true), "fragile");
    }

    @Test
    void int16OnANodeBringsItsLayerCosineUp() throws Exception {
        Simulator s = fragile();
        CalibrationSet set = SimGraphs.smoothImages(6, 4, 6, 5);
        CalibrationStats st = s.calibrate(set, SimProgress.NONE);
        QuantSettings int8 = QuantSettings.of(CalibrationMethod.MAX);
        double before = layerCosine(s, s.build(int8, st), set, "conv1");
        double after = layerCosine(s, s.build(int8.withNode("conv1", NodePrecision.int16()), st), set, "conv1");
        assertTrue(before < 0.9, "int8: " + before);
        assertTrue(after > 0.999, "int16: " + after);
    }

    private static double layerCosine(Simulator s, SimModel q, CalibrationSet set, String node) throws Exception {
        return s.layers(q, set, "x", SimProgress.NONE).layers().stream()
                .filter(l -> l.node().equals(node)).findFirst().orElseThrow().cosine();
    }

    @Test
    void sensitivityRanksTheLayerBehindAHugeOutlierFirst() throws Exception {
        Simulator s = fragile();
        CalibrationSet set = SimGraphs.smoothImages(6, 4, 6, 5);
        CalibrationStats st = s.calibrate(set, SimProgress.NONE);
        QuantSettings settings = QuantSettings.of(CalibrationMethod.MAX).withPerChannel(true);
        ReferenceOutputs reference = s.reference(set);

        // In float, only conv1 reading its input unquantized repairs it.
        Sensitivity.Result cpu = s.sensitivity(settings, st, reference, NodePrecision.cpu(), SimProgress.NONE);
        assertEquals("conv1", cpu.ranking().get(0).node(), cpu.ranking().toString());
        assertTrue(cpu.ranking().get(0).regained() > 0.5, cpu.ranking().toString());
        for (Sensitivity.Entry e : cpu.ranking().subList(1, cpu.ranking().size())) {
            assertTrue(e.regained() < 0.05, e.toString());
        }
        assertTrue(cpu.baseline() < 0.9, "the outlier hurts: " + cpu.baseline());

        // In int16 (input and output, as the zoo sets node_info), conv0's int16 output repairs the same read as
        // conv1's int16 input: both lead.
        Sensitivity.Result int16 = s.sensitivity(settings, st, reference, NodePrecision.int16(), SimProgress.NONE);
        assertEquals(List.of("conv0", "conv1"), int16.nodes().subList(0, 2), int16.ranking().toString());
        assertTrue(int16.ranking().get(1).regained() > 0.5);
        assertEquals(List.of("t0 -> conv1", "x -> conv0"), int16.ranking().get(0).tensors().stream().sorted().toList());
    }

    @Test
    void theSearchSkipsANodeWhoseReadsAHigherNodeAlreadyWidens() {
        // p's int16 output widens c's only read: c adds nothing once p is in.
        Sensitivity.Result r = new Sensitivity.Result(0.5, "int16", 4, List.of(
                new Sensitivity.Entry("p", "Conv", 0.9, 0.4, List.of("x -> p", "t -> c")),
                new Sensitivity.Entry("c", "Conv", 0.9, 0.4, List.of("t -> c")),
                new Sensitivity.Entry("d", "Conv", 0.6, 0.1, List.of("u -> d"))));
        assertEquals(List.of("p", "d"), r.distinctNodes());
    }

    @Test
    void theDefaultSearchStopsAtTheFirstCandidateThatReachesTheTarget() throws Exception {
        ReferenceOutputs reference = sim.reference(samples.first(4));
        DefaultSearch.Result r = sim.search(QuantSettings.of(CalibrationMethod.DEFAULT), stats, reference,
                SimProgress.NONE);
        int chosen = r.chosen();
        assertEquals(r.candidates().size() - 1, chosen, "the search stops at its choice when the target is met");
        assertTrue(r.reached());
        assertTrue(r.candidates().get(chosen).cosine() >= DefaultSearch.TARGET);
        for (int i = 0; i < chosen; i++) {
            assertTrue(r.candidates().get(i).cosine() < DefaultSearch.TARGET);
        }
        assertTrue(r.selection().startsWith("Select "), r.selection());
        assertEquals(12, DefaultSearch.grid(QuantSettings.of(CalibrationMethod.DEFAULT)).size());
        assertEquals(Map.of(), r.selected().settings().nodes());
    }
}
