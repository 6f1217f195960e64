package org.rdkzoo.evaluator.onnx;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rdkzoo.evaluator.onnx.proto.Onnx.AttributeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.NodeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.OperatorSetIdProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorShapeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TypeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ValueInfoProto;

import com.google.protobuf.ByteString;

/**
 * Builds a model in code: inputs, outputs, initializers and nodes in the order they are added (which
 * must be topological). For tests and generated graphs; real models are read with {@link OnnxModel}.
 */
public final class OnnxBuilder {
    private final int opset;
    private final GraphProto.Builder graph;
    private String producer = "rdkzoo";

    public OnnxBuilder(String graphName, int opset) {
        this.opset = opset;
        this.graph = GraphProto.newBuilder().setName(graphName);
    }

    public OnnxBuilder producer(String name) {
        this.producer = name;
        return this;
    }

    /** A graph input; a negative dimension becomes the symbol {@code N}. */
    public OnnxBuilder input(String name, DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return this;
    }

    public OnnxBuilder output(String name, DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return this;
    }

    public OnnxBuilder initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    public OnnxBuilder node(String opType, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(name).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)));
        return this;
    }

    public OnnxModel build() {
        ModelProto m = ModelProto.newBuilder().setIrVersion(irVersionFor(opset)).setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
        return OnnxModel.of(m);
    }

    /** The IR version that shipped with an opset (ONNX's versioning table), as exporters write it. */
    static long irVersionFor(int opset) {
        if (opset <= 11) {
            return 6;
        } else if (opset <= 13) {
            return 7;
        } else if (opset <= 18) {
            return 8;
        } else if (opset <= 20) {
            return 9;
        }
        return 10;
    }

    public static ValueInfoProto valueInfo(String name, DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d >= 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(d)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.code()).setShape(shape))).build();
    }

    public static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
    }

    public static AttributeProto attrInts(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
