package org.rdkzoo.evaluator.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which inputs of the quantized operators (ONNX's and ONNX Runtime's com.microsoft ones) are scales
 * and zero points, from the operator specs. Used to tell quantization bookkeeping from weights.
 */
final class QuantizationSlots {
    private static final Map<String, Set<Integer>> SLOTS = new HashMap<>();

    static {
        Set<Integer> qdq = Set.of(1, 2);
        SLOTS.put("QuantizeLinear", qdq);
        SLOTS.put("DequantizeLinear", qdq);
        // x, x_scale, x_zp, w, w_scale, w_zp, y_scale, y_zp[, bias]
        Set<Integer> binary = Set.of(1, 2, 4, 5, 6, 7);
        for (String op : List.of("QLinearConv", "QLinearMatMul", "QLinearAdd", "QLinearMul")) {
            SLOTS.put(op, binary);
        }
        // x, x_scale, x_zp, y_scale, y_zp
        Set<Integer> unary = Set.of(1, 2, 3, 4);
        for (String op : List.of("QLinearGlobalAveragePool", "QLinearAveragePool", "QLinearSigmoid",
                "QLinearLeakyRelu", "QLinearSoftmax", "QLinearReduceMean")) {
            SLOTS.put(op, unary);
        }
        // A, a_scale, a_zp, B, b_scale, b_zp, C, y_scale, y_zp
        SLOTS.put("QGemm", Set.of(1, 2, 4, 5, 7, 8));
        // x, w, x_zp, w_zp
        SLOTS.put("ConvInteger", Set.of(2, 3));
        SLOTS.put("MatMulInteger", Set.of(2, 3));
    }

    private QuantizationSlots() {
    }

    static Set<String> quantizationParameters(List<OnnxNode> nodes) {
        Set<String> names = new HashSet<>();
        for (OnnxNode n : nodes) {
            List<String> in = n.inputs();
            if ("QLinearConcat".equals(n.opType())) {
                // Y_scale, Y_zp, then (X, X_scale, X_zp) per input.
                for (int i = 0; i < in.size(); i++) {
                    if (i < 2 || (i - 2) % 3 != 0) {
                        names.add(in.get(i));
                    }
                }
                continue;
            }
            Set<Integer> slots = SLOTS.get(n.opType());
            if (slots == null) {
                continue;
            }
            for (int i = 0; i < in.size(); i++) {
                if (slots.contains(i)) {
                    names.add(in.get(i));
                }
            }
        }
        names.remove("");
        return names;
    }
}
