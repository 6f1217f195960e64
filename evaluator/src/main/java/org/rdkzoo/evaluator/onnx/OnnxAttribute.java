package org.rdkzoo.evaluator.onnx;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.rdkzoo.evaluator.onnx.proto.Onnx.AttributeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

/**
 * A node attribute with its value decoded: {@code Long} (INT), {@code Float} (FLOAT), {@code String}
 * (STRING), {@code List<Long>} (INTS), {@code List<Float>} (FLOATS), {@code List<String>} (STRINGS),
 * {@link TensorProto} (TENSOR); other kinds (graphs, sparse tensors, types) keep the raw proto.
 */
public record OnnxAttribute(String name, AttributeProto.AttributeType type, Object value) {

    public OnnxAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    static OnnxAttribute of(AttributeProto a) {
        AttributeProto.AttributeType type = a.hasType() ? a.getType() : guessType(a);
        Object value = switch (type) {
            case INT -> a.getI();
            case FLOAT -> a.getF();
            case STRING -> a.getS().toString(StandardCharsets.UTF_8);
            case INTS -> List.copyOf(a.getIntsList());
            case FLOATS -> List.copyOf(a.getFloatsList());
            case STRINGS -> a.getStringsList().stream().map(b -> b.toString(StandardCharsets.UTF_8)).toList();
            case TENSOR -> a.getT();
            default -> a;
        };
        return new OnnxAttribute(a.getName(), type, value);
    }

    /** IR version 1 models carry no type field: infer it from the value set, as onnx's checker does. */
    private static AttributeProto.AttributeType guessType(AttributeProto a) {
        if (a.hasF()) {
            return AttributeProto.AttributeType.FLOAT;
        } else if (a.hasI()) {
            return AttributeProto.AttributeType.INT;
        } else if (a.hasS()) {
            return AttributeProto.AttributeType.STRING;
        } else if (a.hasT()) {
            return AttributeProto.AttributeType.TENSOR;
        } else if (a.getIntsCount() > 0) {
            return AttributeProto.AttributeType.INTS;
        } else if (a.getFloatsCount() > 0) {
            return AttributeProto.AttributeType.FLOATS;
        } else if (a.getStringsCount() > 0) {
            return AttributeProto.AttributeType.STRINGS;
        }
        return AttributeProto.AttributeType.UNDEFINED;
    }

    public long asLong() {
        return ((Number) expect(AttributeProto.AttributeType.INT)).longValue();
    }

    public float asFloat() {
        return ((Number) expect(AttributeProto.AttributeType.FLOAT)).floatValue();
    }

    public String asString() {
        return (String) expect(AttributeProto.AttributeType.STRING);
    }

    @SuppressWarnings("unchecked")
    public List<Long> asLongs() {
        return (List<Long>) expect(AttributeProto.AttributeType.INTS);
    }

    @SuppressWarnings("unchecked")
    public List<Float> asFloats() {
        return (List<Float>) expect(AttributeProto.AttributeType.FLOATS);
    }

    public TensorProto asTensor() {
        return (TensorProto) expect(AttributeProto.AttributeType.TENSOR);
    }

    private Object expect(AttributeProto.AttributeType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("attribute '" + name + "' is " + type + ", not " + wanted);
        }
        return value;
    }

    @Override
    public String toString() {
        return name + "=" + (value instanceof TensorProto t ? "tensor" + t.getDimsList() : value);
    }
}
