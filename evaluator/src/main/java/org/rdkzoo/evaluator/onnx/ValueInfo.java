package org.rdkzoo.evaluator.onnx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named tensor's declared element type and shape, as a graph input, output or value_info declares
 * it. A dimension may be a number, a symbol ({@code "N"}, {@code "batch_size"}) or unknown.
 *
 * @param name  the tensor name
 * @param type  element type; {@link DataType#UNDEFINED} when not declared
 * @param shape the dimensions; empty when the shape is not declared (or the tensor is a scalar)
 * @param hasShape whether a shape is declared at all (a scalar declares an empty one)
 */
public record ValueInfo(String name, DataType type, List<Dim> shape, boolean hasShape) {

    public ValueInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = List.copyOf(shape);
    }

    /** One dimension: a fixed size, or a symbol, or neither (unknown). */
    public record Dim(long value, String param) {
        public static Dim of(long value) {
            return new Dim(value, null);
        }

        public static Dim symbol(String param) {
            return new Dim(-1, param);
        }

        public boolean isFixed() {
            return value >= 0 && param == null;
        }

        @Override
        public String toString() {
            return isFixed() ? Long.toString(value) : param != null && !param.isEmpty() ? param : "?";
        }
    }

    /** The shape as numbers when every dimension is fixed. */
    public Optional<long[]> fixedShape() {
        if (!hasShape) {
            return Optional.empty();
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).isFixed()) {
                return Optional.empty();
            }
            dims[i] = shape.get(i).value();
        }
        return Optional.of(dims);
    }

    /** The shape written as ONNX tools print it, e.g. {@code 1x3x224x224} or {@code Nx3x224x224}. */
    public String shapeText() {
        if (!hasShape) {
            return "?";
        }
        StringBuilder s = new StringBuilder();
        for (Dim d : shape) {
            s.append(s.length() == 0 ? "" : "x").append(d);
        }
        return s.toString();
    }
}
