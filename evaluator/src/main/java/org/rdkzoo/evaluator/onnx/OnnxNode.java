package org.rdkzoo.evaluator.onnx;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the main graph as a value: name, operator, its input and output tensor names (an empty
 * string marks an omitted optional input) and decoded attributes, in file order.
 *
 * @param index the node's position in the graph (topological order)
 */
public record OnnxNode(int index, String name, String opType, String domain, List<String> inputs,
        List<String> outputs, Map<String, OnnxAttribute> attributes) {

    public OnnxNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        domain = domain == null ? "" : domain;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    public Optional<OnnxAttribute> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** An INT attribute, or {@code fallback} when absent (ONNX's default for that attribute). */
    public long longAttribute(String attributeName, long fallback) {
        OnnxAttribute a = attributes.get(attributeName);
        return a == null ? fallback : a.asLong();
    }

    /** The operator with its domain, e.g. {@code Conv} or {@code com.microsoft:QLinearAdd}. */
    public String qualifiedOpType() {
        return domain.isEmpty() || "ai.onnx".equals(domain) ? opType : domain + ":" + opType;
    }
}
