package org.rdkzoo.evaluator.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.rdkzoo.evaluator.io.AtomicFiles;
import org.rdkzoo.evaluator.onnx.proto.Onnx.AttributeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.NodeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.OperatorSetIdProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorShapeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ValueInfoProto;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * An ONNX model, read through rdkzoo's own subset of onnx.proto: its main graph's nodes, inputs,
 * outputs and initializers as values, parameter counts, and a way to rewrite it ({@link #edit()}).
 * Immutable: rewriting returns a new model. Fields our schema does not name (model-local functions,
 * sparse initializers, training info...) are kept as protobuf unknown fields, so a saved rewrite
 * still carries them.
 *
 * <p>Initializers stored in external files are loaded into the model by {@link #read(Path)}; a model
 * parsed from bytes has no folder to look in and refuses them.
 */
public final class OnnxModel {
    /** Deep graphs (If/Loop bodies) nest messages; protobuf's default of 100 is too tight for some exports. */
    private static final int RECURSION_LIMIT = 1000;

    private final ModelProto proto;
    private final Path source;
    private final List<OnnxNode> nodes;
    private final Map<String, OnnxNode> nodesByName;
    private final Map<String, TensorProto> initializers;
    private final Map<String, OnnxNode> producers;
    private final Map<String, List<OnnxNode>> consumers;

    private OnnxModel(ModelProto proto, Path source) {
        this.proto = Objects.requireNonNull(proto, "proto");
        this.source = source;
        GraphProto g = proto.getGraph();
        List<OnnxNode> list = new ArrayList<>(g.getNodeCount());
        Map<String, OnnxNode> byName = new LinkedHashMap<>();
        Map<String, OnnxNode> prod = new HashMap<>();
        Map<String, List<OnnxNode>> cons = new HashMap<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            OnnxNode n = toNode(i, g.getNode(i));
            list.add(n);
            if (!n.name().isEmpty()) {
                byName.putIfAbsent(n.name(), n);
            }
            for (String out : n.outputs()) {
                if (!out.isEmpty()) {
                    prod.put(out, n);
                }
            }
            for (String in : new LinkedHashSet<>(n.inputs())) {
                if (!in.isEmpty()) {
                    cons.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
        Map<String, TensorProto> inits = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            inits.put(t.getName(), t);
        }
        this.nodes = List.copyOf(list);
        this.nodesByName = Collections.unmodifiableMap(byName);
        this.initializers = Collections.unmodifiableMap(inits);
        this.producers = prod;
        cons.replaceAll((k, v) -> List.copyOf(v));
        this.consumers = cons;
    }

    /**
     * Reads an .onnx file, loading any external data from beside it.
     *
     * @throws InvalidOnnxModelException when the file is not an ONNX model (naming the file and why)
     */
    public static OnnxModel read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ModelProto proto = parseProto(bytes, file);
        if (ExternalData.uses(proto)) {
            proto = ExternalData.inline(proto, file);
        }
        return new OnnxModel(proto, file);
    }

    /** Parses a model held in memory. A model whose initializers live in external files is refused. */
    public static OnnxModel parse(byte[] bytes) throws InvalidOnnxModelException {
        ModelProto proto = parseProto(bytes, null);
        if (ExternalData.uses(proto)) {
            throw new InvalidOnnxModelException(null, "its initializers are stored in external files; "
                    + "read it from its file (OnnxModel.read) so they can be found beside it");
        }
        return new OnnxModel(proto, null);
    }

    /** Wraps a model built in code. */
    public static OnnxModel of(ModelProto proto) {
        return new OnnxModel(proto, null);
    }

    private static ModelProto parseProto(byte[] bytes, Path file) throws InvalidOnnxModelException {
        if (startsWith(bytes, "version https://git-lfs")) {
            throw new InvalidOnnxModelException(file, "this is a Git LFS pointer, not the model: fetch the real file "
                    + "(git lfs pull) or download it again");
        }
        ModelProto proto;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(RECURSION_LIMIT);
            proto = ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidOnnxModelException(file, "not an ONNX model (protobuf: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidOnnxModelException(file, "not an ONNX model (" + e.getMessage() + ")", e);
        }
        if (!proto.hasGraph() || proto.getGraph().getNodeCount() == 0) {
            throw new InvalidOnnxModelException(file, bytes.length == 0 ? "the file is empty"
                    : "not an ONNX model: no graph with nodes (" + bytes.length + " bytes)");
        }
        if (proto.getIrVersion() <= 0) {
            throw new InvalidOnnxModelException(file, "not an ONNX model: no IR version");
        }
        return proto;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static OnnxNode toNode(int index, NodeProto n) {
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        for (AttributeProto a : n.getAttributeList()) {
            attrs.put(a.getName(), OnnxAttribute.of(a));
        }
        return new OnnxNode(index, n.getName(), n.getOpType(), n.getDomain(), n.getInputList(), n.getOutputList(), attrs);
    }

    /** The underlying message, unknown fields included. */
    public ModelProto proto() {
        return proto;
    }

    /** The file this model was read from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public long irVersion() {
        return proto.getIrVersion();
    }

    /** The version of the default ONNX operator set ({@code ""} or {@code ai.onnx}) the model imports. */
    public int opsetVersion() {
        OptionalLong v = opsetVersion("");
        return v.isPresent() ? (int) v.getAsLong() : 0;
    }

    /** The imported version of an operator set domain ({@code ""} for ONNX's own). */
    public OptionalLong opsetVersion(String domain) {
        for (OperatorSetIdProto o : proto.getOpsetImportList()) {
            String d = o.getDomain();
            if (d.equals(domain) || (domain.isEmpty() && "ai.onnx".equals(d))) {
                return OptionalLong.of(o.getVersion());
            }
        }
        return OptionalLong.empty();
    }

    /** {@code producer_name producer_version}, e.g. {@code pytorch 2.1.0}. */
    public String producer() {
        return (proto.getProducerName() + " " + proto.getProducerVersion()).trim();
    }

    /** The main graph's nodes in file (topological) order. */
    public List<OnnxNode> nodes() {
        return nodes;
    }

    /** A node by name; the first one when an exporter repeated a name. */
    public Optional<OnnxNode> node(String name) {
        return Optional.ofNullable(nodesByName.get(name));
    }

    /** Every non-empty node name, in graph order. */
    public Set<String> nodeNames() {
        return nodesByName.keySet();
    }

    /**
     * The inputs a caller feeds: graph inputs that are not initializers (models from IR version 3
     * and earlier list their weights as inputs too).
     */
    public List<ValueInfo> inputs() {
        List<ValueInfo> out = new ArrayList<>();
        for (ValueInfoProto v : proto.getGraph().getInputList()) {
            if (!initializers.containsKey(v.getName())) {
                out.add(toValueInfo(v));
            }
        }
        return out;
    }

    public List<ValueInfo> outputs() {
        return proto.getGraph().getOutputList().stream().map(OnnxModel::toValueInfo).toList();
    }

    /** What the model declares about a tensor: as input, output or value_info, in that order. */
    public Optional<ValueInfo> valueInfo(String tensor) {
        GraphProto g = proto.getGraph();
        for (List<ValueInfoProto> list : List.of(g.getInputList(), g.getOutputList(), g.getValueInfoList())) {
            for (ValueInfoProto v : list) {
                if (v.getName().equals(tensor)) {
                    return Optional.of(toValueInfo(v));
                }
            }
        }
        TensorProto t = initializers.get(tensor);
        if (t != null) {
            List<ValueInfo.Dim> dims = t.getDimsList().stream().map(ValueInfo.Dim::of).toList();
            return Optional.of(new ValueInfo(tensor, Tensors.dataType(t), dims, true));
        }
        return Optional.empty();
    }

    static ValueInfo toValueInfo(ValueInfoProto v) {
        if (!v.getType().hasTensorType()) {
            return new ValueInfo(v.getName(), DataType.UNDEFINED, List.of(), false);
        }
        var tt = v.getType().getTensorType();
        List<ValueInfo.Dim> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : tt.getShape().getDimList()) {
            if (d.hasDimValue()) {
                dims.add(ValueInfo.Dim.of(d.getDimValue()));
            } else {
                dims.add(new ValueInfo.Dim(-1, d.hasDimParam() ? d.getDimParam() : null));
            }
        }
        return new ValueInfo(v.getName(), DataType.of(tt.getElemType()), dims, tt.hasShape());
    }

    /** Initializers by name, in file order. */
    public Map<String, TensorProto> initializers() {
        return initializers;
    }

    public Optional<TensorProto> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }

    /**
     * An initializer's values as floats (integer types give their integer values).
     *
     * @throws IllegalArgumentException when there is no such initializer or it is not numeric
     */
    public float[] initializerFloats(String name) {
        TensorProto t = initializers.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no initializer named '" + name + "'");
        }
        return Tensors.toFloats(t);
    }

    /** The node that computes a tensor; empty for graph inputs and initializers. */
    public Optional<OnnxNode> producer(String tensor) {
        return Optional.ofNullable(producers.get(tensor));
    }

    /** The nodes that read a tensor, in graph order. */
    public List<OnnxNode> consumers(String tensor) {
        return consumers.getOrDefault(tensor, List.of());
    }

    /** Whether a tensor of this name exists: graph input, initializer or node output. */
    public boolean hasTensor(String name) {
        if (initializers.containsKey(name) || producers.containsKey(name)) {
            return true;
        }
        return proto.getGraph().getInputList().stream().anyMatch(v -> v.getName().equals(name));
    }

    /** Counts the initializers by kind; see {@link ParameterCount}. */
    public ParameterCount parameterCount() {
        Set<String> quantization = QuantizationSlots.quantizationParameters(nodes);
        long elements = 0;
        long bytes = 0;
        long weights = 0;
        long quant = 0;
        long structural = 0;
        long scalars = 0;
        Map<DataType, Long> byType = new EnumMap<>(DataType.class);
        for (TensorProto t : initializers.values()) {
            long n = Tensors.elementCount(t);
            DataType type = Tensors.dataType(t);
            elements += n;
            bytes += type == DataType.STRING ? 0 : type.byteSize(n);
            byType.merge(type, n, Long::sum);
            if (quantization.contains(t.getName())) {
                quant += n;
            } else if (type == DataType.INT64) {
                structural += n;
            } else if (n == 1) {
                scalars += n;
            } else {
                weights += n;
            }
        }
        return new ParameterCount(initializers.size(), elements, bytes, weights, quant, structural, scalars, byType);
    }

    /** A rewriter over a copy of this model. */
    public OnnxEditor edit() {
        return new OnnxEditor(this);
    }

    public byte[] toByteArray() {
        return proto.toByteArray();
    }

    /**
     * Writes the model to {@code file} through a temporary sibling and a rename, so a crash never
     * leaves half a model. Initializers read from external files are written inline.
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, toByteArray());
    }

    @Override
    public String toString() {
        return "OnnxModel[" + (source != null ? source.getFileName() + ", " : "") + "ir " + irVersion() + ", opset "
                + opsetVersion() + ", " + nodes.size() + " nodes, " + initializers.size() + " initializers]";
    }
}
