package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.OnnxNode;
import org.rdkzoo.evaluator.onnx.ValueInfo;

/**
 * Where a model gets quantized, by {@link QuantPolicy} and the per-node precision: which activation tensors
 * get a Q/DQ pair (with how many bits, for which readers), which weights, and which nodes count as quantized
 * (the rows of the per-layer report). Pure: reads the graph, runs nothing.
 *
 * <p>A tensor's bits: 16 when the reading node takes that input in int16, or when the node that produced it
 * outputs int16, looking back through {@link QuantPolicy#TRANSPARENT} operators (a Conv's int16 output
 * reaches the next Conv through its fused Clip); else 8.
 */
public final class QuantPlan {
    /**
     * One Q/DQ pair to insert.
     *
     * @param tensor    the activation
     * @param fromInput the tensor is the graph input, or comes from it through fused or exact operators only:
     *                  the BPU's input path, quantized by its largest magnitude whatever the method
     * @param bits      8 or 16
     * @param consumers the nodes that read it quantized, by name
     */
    public record Activation(String tensor, boolean fromInput, int bits, Set<String> consumers) {
        public Activation {
            consumers = Collections.unmodifiableSet(new LinkedHashSet<>(consumers));
        }
    }

    /** A weight to quantize: the initializer at input 1 of {@code node}, per channel along {@code axis}. */
    public record Weight(String node, String initializer, int axis) {
    }

    /**
     * A node the simulation quantizes: a row of the per-layer report.
     *
     * @param name        ONNX node name (what hb_mapper prints and {@code node_info} names)
     * @param opType      its operator
     * @param activations its quantized activation inputs
     * @param output      its first output, whose float and simulated values the report compares
     * @param dataType    {@code int8} or {@code int16} (its widest quantized input)
     */
    public record Node(String name, String opType, List<String> activations, String output, String dataType) {
        public Node {
            activations = List.copyOf(activations);
        }
    }

    private final List<Activation> activations;
    private final List<Weight> weights;
    private final List<Node> nodes;
    private final List<String> inputs;

    private QuantPlan(List<Activation> activations, List<Weight> weights, List<Node> nodes, List<String> inputs) {
        this.activations = List.copyOf(activations);
        this.weights = List.copyOf(weights);
        this.nodes = List.copyOf(nodes);
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Plans a model (already {@link GraphPreparation prepared}: BatchNorm folded, every node named).
     *
     * @param precision nodes that are not plain int8, by name
     * @throws IllegalArgumentException for a node name the model does not have
     */
    public static QuantPlan of(OnnxModel model, Map<String, NodePrecision> precision) {
        for (String name : precision.keySet()) {
            if (model.node(name).isEmpty()) {
                throw new IllegalArgumentException("the model has no node named '" + name + "'"
                        + NodeNames.suggestion(name, model.nodeNames()));
            }
        }
        Set<String> constants = new HashSet<>(model.initializers().keySet());
        for (OnnxNode n : model.nodes()) {
            if ("Constant".equals(n.opType())) {
                constants.addAll(n.outputs());
            }
        }
        Set<String> data = dataTensors(model, constants);
        List<String> inputs = model.inputs().stream().map(ValueInfo::name).filter(data::contains).toList();

        // tensor -> bits -> consumers, in the order tensors are first read
        Map<String, Map<Integer, Set<String>>> points = new LinkedHashMap<>();
        List<Weight> weights = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (OnnxNode n : model.nodes()) {
            NodePrecision p = precision.get(n.name());
            if (!QuantPolicy.quantized(n) || (p != null && p.onCpu())) {
                continue;
            }
            List<String> quantizedInputs = new ArrayList<>();
            int widest = 8;
            for (int index : QuantPolicy.dataInputs(n)) {
                if (index >= n.inputs().size()) {
                    continue;
                }
                String t = n.inputs().get(index);
                if (t.isEmpty() || constants.contains(t) || !data.contains(t)) {
                    continue;
                }
                int bits = (p != null && p.int16Input(index)) || producedInt16(model, t, precision) ? 16 : 8;
                widest = Math.max(widest, bits);
                points.computeIfAbsent(t, k -> new TreeMap<>()).computeIfAbsent(bits, k -> new LinkedHashSet<>())
                        .add(n.name());
                if (!quantizedInputs.contains(t)) {
                    quantizedInputs.add(t);
                }
            }
            if (QuantPolicy.compute(n) && n.inputs().size() > 1 && model.initializer(n.inputs().get(1)).isPresent()) {
                int rank = model.initializer(n.inputs().get(1)).get().getDimsCount();
                weights.add(new Weight(n.name(), n.inputs().get(1), QuantPolicy.weightAxis(n, rank)));
            }
            if (!quantizedInputs.isEmpty() || QuantPolicy.compute(n)) {
                nodes.add(new Node(n.name(), n.opType(), quantizedInputs, n.outputs().get(0), "int" + widest));
            }
        }
        List<Activation> activations = new ArrayList<>();
        points.forEach((tensor, byBits) -> {
            boolean fromInput = origin(model, tensor).map(inputs::contains).orElse(false);
            byBits.forEach((bits, consumers) -> activations.add(new Activation(tensor, fromInput, bits, consumers)));
        });
        return new QuantPlan(activations, weights, nodes, inputs);
    }

    /** Float data tensors: from the float graph inputs, through every operator that computes data. */
    private static Set<String> dataTensors(OnnxModel model, Set<String> constants) {
        Set<String> data = new HashSet<>();
        for (ValueInfo v : model.inputs()) {
            if (v.type() == DataType.FLOAT || v.type() == DataType.FLOAT16 || v.type() == DataType.UNDEFINED) {
                data.add(v.name());
            }
        }
        for (OnnxNode n : model.nodes()) {
            if (QuantPolicy.NON_DATA.contains(n.opType())) {
                continue;
            }
            if ("Cast".equals(n.opType()) && n.longAttribute("to", 0) != DataType.FLOAT.code()) {
                continue;
            }
            boolean fromData = n.inputs().stream().anyMatch(in -> !constants.contains(in) && data.contains(in));
            if (fromData) {
                data.addAll(n.outputs());
            }
        }
        return data;
    }

    /** Whether the node that produced {@code tensor}, or one it was fused into, outputs int16. */
    private static boolean producedInt16(OnnxModel model, String tensor, Map<String, NodePrecision> precision) {
        String t = tensor;
        while (true) {
            Optional<OnnxNode> producer = model.producer(t);
            if (producer.isEmpty()) {
                return false;
            }
            NodePrecision p = precision.get(producer.get().name());
            if (p != null && p.int16Output()) {
                return true;
            }
            if (!QuantPolicy.transparent(producer.get()) || producer.get().inputs().isEmpty()) {
                return false;
            }
            t = producer.get().inputs().get(0);
        }
    }

    /** Where a tensor comes from, looking back through fused or exact operators: a graph input, or empty. */
    private static Optional<String> origin(OnnxModel model, String tensor) {
        String t = tensor;
        while (true) {
            Optional<OnnxNode> producer = model.producer(t);
            if (producer.isEmpty()) {
                return Optional.of(t);
            }
            if (!QuantPolicy.transparent(producer.get()) || producer.get().inputs().isEmpty()) {
                return Optional.empty();
            }
            t = producer.get().inputs().get(0);
        }
    }

    /** The Q/DQ pairs on activations, in the order their tensors are first read. */
    public List<Activation> activations() {
        return activations;
    }

    public List<Weight> weights() {
        return weights;
    }

    /** The quantized nodes, in graph order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The float data inputs of the graph. */
    public List<String> inputs() {
        return inputs;
    }

    /** Every activation tensor that needs calibration statistics. */
    public Set<String> calibrationTensors() {
        Set<String> t = new LinkedHashSet<>();
        activations.forEach(a -> t.add(a.tensor()));
        return t;
    }
}
