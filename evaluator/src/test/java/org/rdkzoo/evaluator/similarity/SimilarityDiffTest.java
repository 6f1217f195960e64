package org.rdkzoo.evaluator.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimilarityDiffTest {
    private static LayerSimilarity layer(String node, Double cosine) {
        return new LayerSimilarity(node, "BPU", "id(0)", "HzSQuantizedConv", cosine, 1.0, "int8");
    }

    @Test
    void reportsChangedSettingsKeyByKeyAndIgnoresEqualOnes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("calibration_parameters.calibration_type", "default");
        a.put("compiler_parameters.optimize_level", "O3");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("calibration_parameters.calibration_type", "max");
        b.put("calibration_parameters.max_percentile", "0.99995");
        b.put("compiler_parameters.optimize_level", "O3");
        SimilarityDiff d = SimilarityDiff.compare(new SimilarityTable("a", "hb_mapper", a, List.of(), List.of()),
                new SimilarityTable("b", "hb_mapper", b, List.of(), List.of()));
        assertEquals(List.of(
                new SimilarityDiff.SettingChange("calibration_parameters.calibration_type", "default", "max"),
                new SimilarityDiff.SettingChange("calibration_parameters.max_percentile", null, "0.99995")),
                d.settings());
    }

    @Test
    void namesTheLayersThatDroppedMostAndSkipsThoseThatImproved() {
        SimilarityTable a = new SimilarityTable("a", "hb_mapper", Map.of(),
                List.of(layer("conv1", 0.999), layer("conv2", 0.990), layer("conv3", 0.980), layer("reshape", null)),
                List.of(new OutputSimilarity("output", 0.99, 0.1, 0.01, 1.0)));
        SimilarityTable b = new SimilarityTable("b", "hb_mapper", Map.of(),
                List.of(layer("conv1", 0.998), layer("conv2", 0.900), layer("conv3", 0.985), layer("reshape", null)),
                List.of(new OutputSimilarity("output", 0.95, 0.2, 0.02, 2.0)));
        SimilarityDiff d = SimilarityDiff.compare(a, b);
        List<SimilarityDiff.LayerChange> drops = d.largestDrops(5);
        assertEquals(List.of("conv2", "conv1"), drops.stream().map(SimilarityDiff.LayerChange::node).toList());
        assertEquals(-0.09, drops.get(0).delta(), 1e-9);
        assertEquals(-0.04, d.outputs().get(0).cosineDelta(), 1e-9);
        assertNull(d.layers().get(3).delta());
    }

    @Test
    void matchesAFullNameAgainstHbMappersCutNameButNotAmbiguously() {
        SimilarityTable exp = new SimilarityTable("exp", "hb_mapper", Map.of(),
                List.of(layer("...ge1.0/nonlinearity/Relu_output_0_calibrated_pad", 0.99), layer("...x/Conv", 0.9)),
                List.of());
        SimilarityTable sim = new SimilarityTable("sim", "sim", Map.of(),
                List.of(layer("/stage1.0/nonlinearity/Relu_output_0_calibrated_pad", 0.98),
                        layer("/a/x/Conv", 0.8), layer("/b/x/Conv", 0.8)),
                List.of());
        SimilarityDiff d = SimilarityDiff.compare(exp, sim);
        assertEquals(1, d.layers().size());
        assertEquals("/stage1.0/nonlinearity/Relu_output_0_calibrated_pad", d.layers().get(0).node());
        assertEquals(List.of("...x/Conv"), d.onlyBefore());
        assertEquals(List.of("/a/x/Conv", "/b/x/Conv"), d.onlyAfter());
    }
}
