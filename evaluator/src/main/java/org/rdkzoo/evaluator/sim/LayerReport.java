package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.OnnxNode;
import org.rdkzoo.evaluator.onnx.ValueInfo;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

/**
 * The per-layer table of a simulation, in the shape of hb_mapper's "The main quantized node information"
 * and "The quantized model output" tables, so that the two read side by side ({@code experiments diff}).
 * Each row compares a node's output in the float model and in the simulated one, over calibration samples
 * ({@link Distances}: cosine is the mean over samples):
 * <ul>
 * <li>one row per graph input, named as hb_mapper names its input node, {@code HZ_PREPROCESS_FOR_<input>}:
 * the quantized input against the float one;</li>
 * <li>one row per quantized node ({@link QuantPlan#nodes()}), named by its ONNX name (hb_mapper's names, cut
 * with a leading {@code ...} only in hb_mapper's log), with its operator, the threshold of its first quantized
 * input and its data type; nodes moved to the CPU follow as {@code CPU} rows in float;</li>
 * <li>the outputs, with cosine, L1, L2 and Chebyshev distance.</li>
 * </ul>
 */
public final class LayerReport {
    /** hb_mapper's name for the node that quantizes an input. */
    public static final String INPUT_PREFIX = "HZ_PREPROCESS_FOR_";

    private LayerReport() {
    }

    public static SimilarityTable measure(OnnxModel prepared, SimModel sim, CalibrationSet set, String label,
            Map<String, String> settings, SimProgress progress) throws IOException {
        record Row(String node, String on, String type, String tensor, boolean input, Double threshold, String dataType) {
        }
        List<Row> rows = new ArrayList<>();
        for (String input : sim.plan().inputs()) {
            Optional<SimModel.ActivationQuant> q = sim.activations().stream().filter(a -> a.tensor().equals(input))
                    .findFirst();
            q.ifPresent(a -> rows.add(new Row(INPUT_PREFIX + input, "BPU", "Preprocess", a.dequantized(), true,
                    a.threshold(), "int" + a.bits())));
        }
        for (QuantPlan.Node n : sim.plan().nodes()) {
            Double threshold = sim.inputOf(n.name()).map(SimModel.ActivationQuant::threshold).orElse(null);
            rows.add(new Row(n.name(), "BPU", n.opType(), n.output(), false, threshold, n.dataType()));
        }
        sim.settings().nodes().forEach((name, p) -> {
            if (p.onCpu()) {
                prepared.node(name).map(OnnxNode::outputs).filter(o -> !o.isEmpty()).ifPresent(o ->
                        rows.add(new Row(name, "CPU", prepared.node(name).get().opType(), o.get(0), false, null, "float")));
            }
        });
        List<String> outputs = prepared.outputs().stream().map(ValueInfo::name).toList();
        Set<String> floatTaps = new LinkedHashSet<>();
        Set<String> simTaps = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!r.input()) {
                floatTaps.add(r.tensor());
            }
            simTaps.add(r.tensor());
        }
        Set<String> wanted = new LinkedHashSet<>(floatTaps);
        wanted.addAll(outputs);
        Map<String, Distances> byTensor = new LinkedHashMap<>();
        rows.forEach(r -> byTensor.put(r.tensor(), new Distances()));
        Map<String, Distances> byOutput = new LinkedHashMap<>();
        outputs.forEach(o -> byOutput.put(o, new Distances()));
        progress.begin("comparing layers", set.size());
        try (ModelRunner reference = ModelRunner.open(prepared, floatTaps);
                ModelRunner simulated = ModelRunner.open(sim.model(), simTaps)) {
            for (int i = 0; i < set.size(); i++) {
                float[] sample = set.load(i);
                Map<String, float[]> expected = reference.run(sample, set.shape(), wanted);
                for (Row r : rows) {
                    if (r.input()) {
                        expected.put(r.tensor(), sample);
                    }
                }
                simulated.run(sample, set.shape(), (name, values) -> {
                    float[] e = expected.get(name);
                    if (e == null) {
                        return;
                    }
                    Distances d = byTensor.get(name);
                    if (d != null) {
                        d.add(e, values);
                    }
                    Distances o = byOutput.get(name);
                    if (o != null) {
                        o.add(e, values.duplicate());
                    }
                });
                progress.step(set.name(i));
            }
        } finally {
            progress.end();
        }
        List<LayerSimilarity> layers = new ArrayList<>();
        for (Row r : rows) {
            Distances d = byTensor.get(r.tensor());
            layers.add(new LayerSimilarity(r.node(), r.on(), null, r.type(), d.samples() == 0 ? null : d.cosine(),
                    r.threshold(), r.dataType()));
        }
        List<OutputSimilarity> outs = new ArrayList<>();
        byOutput.forEach((name, d) -> outs.add(new OutputSimilarity(name, nullable(d.cosine()), nullable(d.l1()),
                nullable(d.l2()), nullable(d.chebyshev()))));
        return new SimilarityTable(label, "sim", settings, layers, outs);
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
