package org.rdkzoo.mapperconfigs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(Map.of("calibration_parameters.calibration_type", "default",
                "calibration_parameters.max_percentile", "0.99995", "calibration_parameters.per_channel", "false"),
                points.get(1).settings());
        assertEquals("max", points.get(11).settings().get("calibration_parameters.calibration_type"));
        assertEquals(12, points.get(11).number());
    }

    @Test
    void valuesAreTypedAsYamlTypesThemAndADashLeavesTheKeyOut() {
        SweepPoint p = new SweepGrid().set("per_channel=true").set("max_percentile=-").set("optimize_level=O2").expand().get(0);
        Map<String, Object> typed = p.typedSettings();
        assertEquals(Boolean.TRUE, typed.get("calibration_parameters.per_channel"));
        assertTrue(typed.containsKey("calibration_parameters.max_percentile"));
        assertNull(typed.get("calibration_parameters.max_percentile"));
        assertEquals("O2", typed.get("compiler_parameters.optimize_level"));
        assertEquals(Map.of("per_channel", "true", "max_percentile", "-", "optimize_level", "O2"), p.labels());
    }

    @Test
    void unknownBareKeysAndBadGroupsAreRefusedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("calib=kl"))
                .getMessage().contains("write it as GROUP.KEY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("calib_params.x=1"))
                .getMessage().contains("unknown group 'calib_params'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepGrid().set("per_channel"))
                .getMessage().contains("KEY=VALUE"));
        assertEquals("calibration_parameters.my_new_key",
                new SweepGrid().set("calibration_parameters.my_new_key=1").expand().get(0).settings().keySet().iterator().next());
    }

    @Test
    void nodeSetsAreOneMoreAxisAndBecomeInt16NodeInfo() {
        List<SweepPoint> points = new SweepGrid().set("calibration_type=kl,max")
                .nodeSets(Map.of("se", List.of("/se/Mul"))).expand();
        assertEquals(2, points.size());
        assertEquals("se", points.get(0).int16Set());
        assertEquals(Map.of("/se/Mul", Map.of("ON", "BPU", "InputType", "int16", "OutputType", "int16")),
                points.get(0).nodeInfo());
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
