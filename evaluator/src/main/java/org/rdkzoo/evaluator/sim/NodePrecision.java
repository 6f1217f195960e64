package org.rdkzoo.evaluator.sim;

import java.util.Set;
import java.util.TreeSet;

/**
 * A node's departure from plain int8, as hb_mapper's {@code node_info} sets it: int16 inputs
 * ({@code InputType}, or {@code InputType0}, {@code InputType1}... one input each), an int16 output
 * ({@code OutputType}), or the CPU ({@code 'ON': 'CPU'}), where it runs in float.
 *
 * @param onCpu          runs in float: its inputs are not quantized, its weight neither
 * @param allInputsInt16 every activation input is int16
 * @param int16Inputs    the input positions that are int16 (when not all)
 * @param int16Output    its output is int16: every consumer reads it through an int16 quantization
 */
public record NodePrecision(boolean onCpu, boolean allInputsInt16, Set<Integer> int16Inputs, boolean int16Output) {
    public NodePrecision {
        int16Inputs = Set.copyOf(int16Inputs);
    }

    /** int16 in and out: the zoo's {@code {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'}}. */
    public static NodePrecision int16() {
        return new NodePrecision(false, true, Set.of(), true);
    }

    /** On the CPU, in float. */
    public static NodePrecision cpu() {
        return new NodePrecision(true, false, Set.of(), false);
    }

    public boolean int16Input(int index) {
        return !onCpu && (allInputsInt16 || int16Inputs.contains(index));
    }

    /** How the report and the results name it: {@code int16}, {@code cpu}, {@code int16 in 0,1}, {@code int16 out}. */
    public String describe() {
        if (onCpu) {
            return "cpu";
        }
        if (allInputsInt16 && int16Output) {
            return "int16";
        }
        StringBuilder s = new StringBuilder("int16");
        if (allInputsInt16) {
            s.append(" in");
        } else if (!int16Inputs.isEmpty()) {
            s.append(" in ").append(String.join(",", new TreeSet<>(int16Inputs).stream().map(String::valueOf).toList()));
        }
        if (int16Output) {
            s.append(" out");
        }
        return s.toString();
    }
}
