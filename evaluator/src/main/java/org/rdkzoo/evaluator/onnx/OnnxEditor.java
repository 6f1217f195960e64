package org.rdkzoo.evaluator.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.proto.Onnx.AttributeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.NodeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.OperatorSetIdProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ValueInfoProto;

/**
 * Rewrites a copy of a model: expose intermediate tensors as outputs, put QuantizeLinear /
 * DequantizeLinear pairs on tensors (fake quantization), replace initializers. Nodes stay in
 * topological order. Everything the edit does not touch, unknown fields included, is kept.
 *
 * <p>Not thread-safe; {@link #build()} may be called more than once.
 */
public final class OnnxEditor {
    /** ONNX Runtime's contrib domain, whose Q/DQ take any opset, per-channel axes and 16-bit types. */
    public static final String MS_DOMAIN = "com.microsoft";

    private final OnnxModel base;
    private final ModelProto.Builder model;
    private final List<NodeProto> nodes;
    private final List<TensorProto> initializers;
    private final List<ValueInfoProto> outputs;
    private final Set<String> usedNames = new HashSet<>();

    OnnxEditor(OnnxModel base) {
        this.base = base;
        this.model = base.proto().toBuilder();
        GraphProto g = base.proto().getGraph();
        this.nodes = new ArrayList<>(g.getNodeList());
        this.initializers = new ArrayList<>(g.getInitializerList());
        this.outputs = new ArrayList<>(g.getOutputList());
        for (NodeProto n : nodes) {
            usedNames.add(n.getName());
            usedNames.addAll(n.getOutputList());
            usedNames.addAll(n.getInputList());
        }
        initializers.forEach(t -> usedNames.add(t.getName()));
        g.getInputList().forEach(v -> usedNames.add(v.getName()));
    }

    /**
     * Declares tensors as graph outputs, so a session returns them (and ONNX Runtime cannot fuse
     * them away). The declared type and shape are copied when the model knows them; otherwise the
     * output carries only its name, which ONNX Runtime accepts and infers. A tensor that is already
     * an output is left as it is.
     *
     * @throws IllegalArgumentException for a name that no node produces and that is no input
     */
    public OnnxEditor addOutputs(Iterable<String> tensorNames) {
        Set<String> present = new HashSet<>();
        outputs.forEach(v -> present.add(v.getName()));
        for (String name : tensorNames) {
            if (!tensorExists(name)) {
                throw new IllegalArgumentException("no tensor named '" + name + "' in the graph");
            }
            if (present.add(name)) {
                outputs.add(declaredValueInfo(name).orElse(ValueInfoProto.newBuilder().setName(name).build()));
            }
        }
        return this;
    }

    public OnnxEditor addOutputs(String... tensorNames) {
        return addOutputs(List.of(tensorNames));
    }

    /**
     * Puts a QuantizeLinear → DequantizeLinear pair on {@code tensor} (an activation, a graph input or
     * an initializer such as a weight) and makes every node that read it read the dequantized value.
     * A graph output keeps the unquantized value. The pair uses ONNX's own operators when the model's
     * opset has them for this spec (8-bit per tensor from opset 10, per channel from 13, 16-bit from
     * 21) and ONNX Runtime's {@value #MS_DOMAIN} ones otherwise, importing that domain.
     *
     * @return the name of the dequantized tensor
     * @throws IllegalArgumentException when no node reads {@code tensor}, or a per-channel spec does
     *         not match the tensor's known size along its axis
     */
    public String insertQdq(String tensor, QuantSpec spec) {
        return insertQdq(tensor, spec, null);
    }

    /**
     * Like {@link #insertQdq(String, QuantSpec)}, but only the named nodes read the dequantized value;
     * other readers keep the original (to quantize a convolution's input while a residual Add beside
     * it keeps float, say).
     *
     * @param consumers names of the nodes to rewire; {@code null} for every reader
     * @throws IllegalArgumentException when none of them reads {@code tensor}
     */
    public String insertQdq(String tensor, QuantSpec spec, Set<String> consumers) {
        int first = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (reads(nodes.get(i), tensor, consumers)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException(consumers == null ? "no node reads tensor '" + tensor + "'"
                    : "none of " + consumers + " reads tensor '" + tensor + "'");
        }
        checkAxis(tensor, spec);
        String domain = standardSupports(spec) ? "" : MS_DOMAIN;
        if (!domain.isEmpty()) {
            importDomain(domain);
        }
        String scale = fresh(tensor + "_scale");
        String zeroPoint = fresh(tensor + "_zero_point");
        String quantized = fresh(tensor + "_quantized");
        String dequantized = fresh(tensor + "_dequantized");
        long[] dims = spec.perChannel() ? new long[] {spec.scales().length} : new long[0];
        initializers.add(Tensors.floats(scale, dims, spec.scales()));
        initializers.add(Tensors.integers(zeroPoint, spec.type(), dims, spec.zeroPoints()));

        for (int i = first; i < nodes.size(); i++) {
            NodeProto n = nodes.get(i);
            if (reads(n, tensor, consumers)) {
                NodeProto.Builder b = n.toBuilder();
                for (int k = 0; k < b.getInputCount(); k++) {
                    if (b.getInput(k).equals(tensor)) {
                        b.setInput(k, dequantized);
                    }
                }
                nodes.set(i, b.build());
            }
        }
        NodeProto.Builder q = NodeProto.newBuilder().setName(fresh(tensor + "_QuantizeLinear")).setOpType("QuantizeLinear")
                .setDomain(domain).addInput(tensor).addInput(scale).addInput(zeroPoint).addOutput(quantized);
        NodeProto.Builder dq = NodeProto.newBuilder().setName(fresh(tensor + "_DequantizeLinear"))
                .setOpType("DequantizeLinear").setDomain(domain).addInput(quantized).addInput(scale)
                .addInput(zeroPoint).addOutput(dequantized);
        if (spec.perChannel()) {
            AttributeProto axis = OnnxBuilder.attr("axis", spec.axis());
            q.addAttribute(axis);
            dq.addAttribute(axis);
        }
        nodes.add(first, dq.build());
        nodes.add(first, q.build());
        return dequantized;
    }

    private static boolean reads(NodeProto n, String tensor, Set<String> consumers) {
        return n.getInputList().contains(tensor) && (consumers == null || consumers.contains(n.getName()));
    }

    /** Replaces the initializer of the same name (its values, type or dims). */
    public OnnxEditor replaceInitializer(TensorProto tensor) {
        for (int i = 0; i < initializers.size(); i++) {
            if (initializers.get(i).getName().equals(tensor.getName())) {
                initializers.set(i, tensor);
                return this;
            }
        }
        throw new IllegalArgumentException("no initializer named '" + tensor.getName() + "'");
    }

    public OnnxModel build() {
        GraphProto.Builder g = model.getGraphBuilder();
        g.clearNode().addAllNode(nodes);
        g.clearInitializer().addAllInitializer(initializers);
        g.clearOutput().addAllOutput(outputs);
        return OnnxModel.of(model.build());
    }

    /** ONNX's own Q/DQ cover this spec at the model's opset. */
    private boolean standardSupports(QuantSpec spec) {
        int opset = opset();
        if (spec.bits() == 16) {
            return opset >= 21;
        }
        return spec.perChannel() ? opset >= 13 : opset >= 10;
    }

    private int opset() {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || "ai.onnx".equals(o.getDomain())) {
                return (int) o.getVersion();
            }
        }
        return 0;
    }

    private void importDomain(String domain) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().equals(domain)) {
                return;
            }
        }
        model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(1));
    }

    private void checkAxis(String tensor, QuantSpec spec) {
        if (!spec.perChannel()) {
            return;
        }
        Optional<ValueInfo> info = initializers.stream().filter(t -> t.getName().equals(tensor)).findFirst()
                .map(t -> new ValueInfo(tensor, Tensors.dataType(t), t.getDimsList().stream().map(ValueInfo.Dim::of).toList(), true))
                .or(() -> base.valueInfo(tensor));
        if (info.isEmpty() || !info.get().hasShape()) {
            return;
        }
        List<ValueInfo.Dim> shape = info.get().shape();
        int axis = spec.axis() < 0 ? spec.axis() + shape.size() : spec.axis();
        if (axis < 0 || axis >= shape.size()) {
            throw new IllegalArgumentException("axis " + spec.axis() + " out of range for '" + tensor + "' of shape "
                    + info.get().shapeText());
        }
        ValueInfo.Dim d = shape.get(axis);
        if (d.isFixed() && d.value() != spec.scales().length) {
            throw new IllegalArgumentException("'" + tensor + "' has " + d.value() + " channels on axis " + axis + ", the spec "
                    + spec.scales().length + " scales");
        }
    }

    private boolean tensorExists(String name) {
        if (usedNames.contains(name) && base.hasTensor(name)) {
            return true;
        }
        for (NodeProto n : nodes) {
            if (n.getOutputList().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private Optional<ValueInfoProto> declaredValueInfo(String name) {
        GraphProto g = base.proto().getGraph();
        for (List<ValueInfoProto> list : List.of(g.getValueInfoList(), g.getInputList())) {
            for (ValueInfoProto v : list) {
                if (v.getName().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private String fresh(String wanted) {
        String name = wanted;
        for (int i = 1; usedNames.contains(name); i++) {
            name = wanted + "_" + i;
        }
        usedNames.add(name);
        return name;
    }
}
