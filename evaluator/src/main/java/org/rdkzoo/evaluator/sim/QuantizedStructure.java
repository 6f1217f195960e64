package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.OnnxNode;

/**
 * The quantization already in a model, which the simulation refuses (it quantizes float models) but can
 * describe: ONNX's two forms, QOperator (integer operators: QLinearConv, QLinearMatMul, ConvInteger...) and
 * QDQ (float operators between DequantizeLinear and QuantizeLinear pairs).
 *
 * @param format      {@code QOperator} or {@code QDQ}
 * @param quantizeOps QuantizeLinear nodes
 * @param dequantizeOps DequantizeLinear nodes
 * @param byOpType    quantized nodes per operator type, in order of first appearance
 * @param nodes       the quantized nodes: the integer operators (QOperator), or the operators that read a
 *                    DequantizeLinear output (QDQ)
 */
public record QuantizedStructure(String format, int quantizeOps, int dequantizeOps, Map<String, Integer> byOpType,
        List<Node> nodes) {

    /** One quantized node. */
    public record Node(String name, String opType, List<String> inputs) {
    }

    public QuantizedStructure {
        byOpType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOpType));
        nodes = List.copyOf(nodes);
    }

    private static final Set<String> INTEGER_OPS = Set.of("ConvInteger", "MatMulInteger", "QGemm",
            "DynamicQuantizeLinear", "QAttention", "DynamicQuantizeMatMul", "MatMulIntegerToFloat");

    /** The model's quantization, or empty for a float model. */
    public static Optional<QuantizedStructure> of(OnnxModel model) {
        int q = 0;
        int dq = 0;
        boolean integerOps = false;
        for (OnnxNode n : model.nodes()) {
            q += n.opType().equals("QuantizeLinear") ? 1 : 0;
            dq += n.opType().equals("DequantizeLinear") ? 1 : 0;
            integerOps |= integer(n);
        }
        if (q == 0 && dq == 0 && !integerOps) {
            return Optional.empty();
        }
        Set<String> dequantized = new HashSet<>();
        for (OnnxNode n : model.nodes()) {
            if (n.opType().equals("DequantizeLinear")) {
                dequantized.addAll(n.outputs());
            }
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> byOp = new LinkedHashMap<>();
        for (OnnxNode n : model.nodes()) {
            boolean quantized = integerOps ? integer(n)
                    : !n.opType().equals("QuantizeLinear") && !n.opType().equals("DequantizeLinear")
                            && n.inputs().stream().anyMatch(dequantized::contains);
            if (quantized) {
                nodes.add(new Node(n.name(), n.qualifiedOpType(), n.inputs()));
                byOp.merge(n.qualifiedOpType(), 1, Integer::sum);
            }
        }
        return Optional.of(new QuantizedStructure(integerOps ? "QOperator" : "QDQ", q, dq, byOp, nodes));
    }

    private static boolean integer(OnnxNode n) {
        return n.opType().startsWith("QLinear") || INTEGER_OPS.contains(n.opType());
    }

    /** One line: {@code QOperator: 52 QLinearConv, 10 com.microsoft:QLinearAdd, ... (1 QuantizeLinear, ...)}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        byOpType.forEach((op, count) -> parts.add(count + " " + op));
        return format + ": " + nodes.size() + " quantized nodes (" + String.join(", ", parts) + "); " + quantizeOps
                + " QuantizeLinear, " + dequantizeOps + " DequantizeLinear";
    }
}
