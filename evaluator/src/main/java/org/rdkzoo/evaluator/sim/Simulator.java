package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

/**
 * The int8 simulation of one float model, step by step:
 *
 * <pre>{@code
 * Simulator sim = Simulator.of(model, "m.onnx");            // refuses a quantized model; folds BatchNorm
 * CalibrationStats stats = sim.calibrate(samples, progress);  // histograms of every quantized activation
 * SimModel q = sim.build(settings, stats);                    // Q/DQ pairs (not for 'default')
 * DefaultSearch.Result r = sim.search(settings, stats, sim.reference(samples.first(50)), progress);
 * SimilarityTable layers = sim.layers(q, samples, "label", progress);
 * Sensitivity.Result s = sim.sensitivity(settings, stats, reference, NodePrecision.int16(), progress);
 * }</pre>
 */
public final class Simulator {
    private final OnnxModel prepared;
    private final QuantPlan plan;

    private Simulator(OnnxModel prepared) {
        this.prepared = prepared;
        this.plan = QuantPlan.of(prepared, Map.of());
    }

    /**
     * @param name the model's name for messages
     * @throws QuantizedModelException when the model is already quantized
     */
    public static Simulator of(OnnxModel model, String name) throws QuantizedModelException {
        var quantized = QuantizedStructure.of(model);
        if (quantized.isPresent()) {
            throw new QuantizedModelException(name, quantized.get());
        }
        return new Simulator(GraphPreparation.prepare(model));
    }

    /** The float model as the simulation quantizes it: BatchNorm folded, every node named. */
    public OnnxModel prepared() {
        return prepared;
    }

    /**
     * The plan for some node overrides.
     *
     * @throws IllegalArgumentException for a node the model does not have
     */
    public QuantPlan plan(Map<String, NodePrecision> nodes) {
        return nodes.isEmpty() ? plan : QuantPlan.of(prepared, nodes);
    }

    /** Statistics of every activation any setting may quantize. */
    public CalibrationStats calibrate(CalibrationSet set, SimProgress progress) throws IOException {
        return CalibrationStats.collect(prepared, plan.calibrationTensors(), set, progress);
    }

    /** The fake-quantized model for settings whose method is not {@code default}. */
    public SimModel build(QuantSettings settings, CalibrationStats stats) {
        return FakeQuantizer.build(prepared, plan(settings.nodes()), stats, settings);
    }

    /** The float outputs on some samples, to score variants against. */
    public ReferenceOutputs reference(CalibrationSet samples) throws IOException {
        return ReferenceOutputs.of(prepared, samples);
    }

    /** hb_mapper's {@code default} search, keeping the settings' node overrides. */
    public DefaultSearch.Result search(QuantSettings settings, CalibrationStats stats, ReferenceOutputs reference,
            SimProgress progress) throws IOException {
        return DefaultSearch.run(settings, s -> build(s, stats), reference, progress);
    }

    /** The per-layer table of a simulated model against the float one. */
    public SimilarityTable layers(SimModel model, CalibrationSet samples, String label, SimProgress progress)
            throws IOException {
        return LayerReport.measure(prepared, model, samples, label, SimSettingsKeys.of(model.settings()), progress);
    }

    /** Ranks every quantized node by what keeping it alone in {@code mode} regains. */
    public Sensitivity.Result sensitivity(QuantSettings settings, CalibrationStats stats, ReferenceOutputs reference,
            NodePrecision mode, SimProgress progress) throws IOException {
        List<QuantPlan.Node> candidates = plan(settings.nodes()).nodes();
        return Sensitivity.rank(settings, candidates, mode, s -> build(s, stats), reference, progress);
    }
}
