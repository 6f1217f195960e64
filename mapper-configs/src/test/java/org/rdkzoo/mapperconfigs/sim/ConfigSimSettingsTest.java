package org.rdkzoo.mapperconfigs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.sim.CalibrationMethod;
import org.rdkzoo.evaluator.sim.NodePrecision;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

class ConfigSimSettingsTest {
    private static MapperConfig parse(String yaml) throws Exception {
        return MapperConfigReader.parse(yaml, Path.of("/work/cfg/m.yaml"));
    }

    @Test
    void theZooB2ConfigGivesItsMethodDataAndInt16Nodes() throws Exception {
        ConfigSimSettings s = ConfigSimSettings.of(MapperConfigReader.parse(ZooConfigs.efficientNetB2(),
                Path.of("/work/zoo/EfficientNet_B2_config.yaml")));
        assertEquals(CalibrationMethod.DEFAULT, s.method());
        assertEquals(Path.of("/work/zoo/calibration_data_rgb_f32"), s.calibrationData().orElseThrow());
        Map<String, NodePrecision> nodes = s.nodes();
        assertEquals(Set.copyOf(EfficientNetGraphs.ZOO_INT16_NODES), nodes.keySet());
        assertTrue(nodes.values().stream().allMatch(NodePrecision.int16()::equals));
    }

    @Test
    void nodeInfoFormsAndRunOnCpuBecomeNodePrecisions() throws Exception {
        ConfigSimSettings s = ConfigSimSettings.of(parse("""
                model_parameters:
                  node_info: {"a": {'ON': 'BPU', 'InputType0': 'int16'}, "b": {'ON': 'CPU'}, "c": {'OutputType': 'int16'}}
                calibration_parameters:
                  calibration_type: 'max'
                  max_percentile: 0.9999
                  per_channel: True
                  run_on_cpu: 'd; e'
                """));
        Map<String, NodePrecision> nodes = s.nodes();
        assertEquals(new NodePrecision(false, false, Set.of(0), false), nodes.get("a"));
        assertEquals(NodePrecision.cpu(), nodes.get("b"));
        assertEquals(new NodePrecision(false, false, Set.of(), true), nodes.get("c"));
        assertEquals(NodePrecision.cpu(), nodes.get("d"));
        assertEquals(NodePrecision.cpu(), nodes.get("e"));
        assertEquals(CalibrationMethod.MAX, s.method());
        assertEquals(0.9999, s.maxPercentile().getAsDouble(), 0);
        assertTrue(s.perChannel());
        assertEquals(Map.of("x", NodePrecision.int16(), "y", NodePrecision.int16()), ConfigSimSettings.of(
                parse("model_parameters:\n  node_info: 'x:int16;y:int16'\n")).nodes());
    }

    @Test
    void loadAndSkipHaveNothingToSimulate() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigSimSettings.of(
                parse("calibration_parameters:\n  calibration_type: 'skip'\n")).method());
        assertTrue(e.getMessage().contains("random data"), e.getMessage());
    }
}
