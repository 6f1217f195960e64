package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.backend.OrtBackend;

class SimBackendTest {
    private static final int C = 3;

    @Test
    void runsTheSimulatedGraphAndRecordsItsSettingsUnderItsOwnIdentity() throws Exception {
        Simulator sim = Simulator.of(SimGraphs.convChain(C, 4, 4, List.of(SimGraphs.randomWeight(C, 1)),
                List.of(new float[C]), false), "chain");
        CalibrationSet set = SimGraphs.smoothImages(3, C, 4, 1);
        CalibrationStats stats = sim.calibrate(set, SimProgress.NONE);
        SimModel max = sim.build(QuantSettings.of(CalibrationMethod.MAX), stats);
        SimModel kl = sim.build(QuantSettings.of(CalibrationMethod.KL).withPerChannel(true), stats);
        Path name = Path.of("chain.onnx");
        try (SimBackend a = SimBackend.open(max, name, OrtBackend.Options.defaults(), Map.of("calibrationData", "d"));
                SimBackend a2 = SimBackend.open(max, name, OrtBackend.Options.defaults(), Map.of("calibrationData", "d"));
                SimBackend b = SimBackend.open(kl, name, OrtBackend.Options.defaults(), Map.of("calibrationData", "d"))) {
            float[] x = set.load(0);
            float[][] out = a.infer(new Batch(List.of(ModelInput.floats("s0", x)), 4, 4));
            float[] expected = FakeQuantizerTest.run(max.model(), x);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], out[0][i], 0f);
            }
            assertEquals("sim", a.record().kind());
            assertEquals("max", a.record().settings().get("calibrationType"));
            assertEquals("d", a.record().settings().get("calibrationData"));
            assertEquals("CPU", a.record().settings().get("executionProvider"), "ONNX Runtime's own settings stay");
            assertEquals(a.identity(), a2.identity());
            assertNotEquals(a.identity(), b.identity(), "other settings: another checkpoint");
            assertEquals(true, b.record().settings().get("perChannel"));
        }
    }
}
