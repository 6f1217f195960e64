package org.rdkzoo.mapperconfigs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.NodeSetting;

class SweepGridTest {
    @TempDir
    Path dir;

    @Test
    void expandsEveryCombinationWithTheLastAxisFastest() {
        List<SweepPoint> points = new SweepGrid()
                .set("calibration_type=default,kl,max")
                .set("max_percentile=0.99995,0.9999")
                .set("per_channel=true,false")
                .expand();
        assertEquals(12, points.size());
        assertEquals(Map.of(ConfigKey.CALIBRATION_TYPE, "default", ConfigKey.MAX_PERCENTILE, "0.99995",
                ConfigKey.PER_CHANNEL, "false"), points.get(1).settings());
        assertEquals("max", points.get(11).settings().get(ConfigKey.CALIBRATION_TYPE));
        assertEquals(12, points.get(11).number());
    }

    @Test
    void valuesAreSetThroughTheConfigModelTypedAsYamlTypesThemAndADashLeavesTheKeyOut() {
        MapperConfig base = MapperConfig.empty().withCalibrationType("max").withMaxPercentile(0.99995);
        SweepPoint p = new SweepGrid().set("per_channel=true").set("max_percentile=-").set("compiler_parameters.optimize_level=O2")
                .set("jobs=8").expand().get(0);
        MapperConfig c = p.apply(base);
        assertEquals(Boolean.TRUE, c.get(ConfigKey.PER_CHANNEL));
        assertFalse(c.has(ConfigKey.MAX_PERCENTILE));
        assertEquals("O2", c.get(ConfigKey.OPTIMIZE_LEVEL));
        assertEquals(8L, c.get(ConfigKey.JOBS));
        assertEquals("max", c.calibrationType(), "keys the point does not set are kept");
        assertEquals(Map.of("per_channel", "true", "max_percentile", "-", "optimize_level", "O2", "jobs", "8"), p.labels());
        // A value PyYAML would read as a string stays one, for the validator to report.
        assertEquals("1e-4", new SweepGrid().set("max_percentile=1e-4").expand().get(0).apply(base).get(ConfigKey.MAX_PERCENTILE));
    }

    @Test
    void keysHbMapperDoesNotDocumentAreRefusedWithTheNearestName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("calibation_type=kl"))
                .getMessage().contains("did you mean 'calibration_type'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("calib_parameters.x=1"))
                .getMessage().contains("unknown section 'calib_parameters'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("calibration_parameters.my_new_key=1"))
                .getMessage().contains("calibration_parameters has no key 'my_new_key'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("per_channel"))
                .getMessage().contains("KEY=VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("node_info=x"))
                .getMessage().contains("--node-int16-sets"));
        assertEquals(ConfigKey.CALIBRATION_TYPE, new SweepGrid().set("calibration_parameters.calibration_type=kl").expand()
                .get(0).settings().keySet().iterator().next());
    }

    @Test
    void nodeSetsAreOneMoreAxisAndBecomeInt16NodeInfo() {
        List<SweepPoint> points = new SweepGrid().set("calibration_type=kl,max")
                .nodeSets(Map.of("se", List.of("/se/Mul"))).expand();
        assertEquals(2, points.size());
        assertEquals("se", points.get(0).int16Set());
        MapperConfig keep = MapperConfig.empty().withInt16Nodes(List.of("/head/Conv"));
        assertEquals(Map.of("/head/Conv", NodeSetting.int16OnBpu(), "/se/Mul", NodeSetting.int16OnBpu()),
                points.get(0).apply(keep).nodeInfo());
    }

    @Test
    void readsNodeSetsFromYamlOrFromTextSections() throws Exception {
        Path yaml = Files.writeString(dir.resolve("sets.yaml"), "none: []\nse_tail:\n  - /a/se/Mul\n  - /a/se/ReduceMean\n");
        assertEquals(Map.of("none", List.of(), "se_tail", List.of("/a/se/Mul", "/a/se/ReduceMean")), NodeSets.read(yaml));
        Path text = Files.writeString(dir.resolve("sets.txt"), "# int16 candidates\n[none]\n\n[head]\n/conv_head/Conv\n");
        assertEquals(Map.of("none", List.of(), "head", List.of("/conv_head/Conv")), NodeSets.read(text));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "head: /conv_head/Conv\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> NodeSets.read(bad)).getMessage()
                .contains("set 'head': expected a list of node names, found string"));
    }
}
