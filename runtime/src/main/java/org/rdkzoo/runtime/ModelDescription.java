package org.rdkzoo.runtime;

import java.util.List;
import java.util.Objects;

import org.rdkzoo.runtime.tensor.TensorInfo;

/**
 * One model of a loaded {@code .bin}: its name as libdnn reports it ({@code hbDNNGetModelNameList}, not the
 * file name), and its inputs and outputs.
 *
 * @param name    the model's name
 * @param inputs  its inputs, by index
 * @param outputs its outputs, by index
 */
public record ModelDescription(String name, List<TensorInfo> inputs, List<TensorInfo> outputs) {
    public ModelDescription {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The input with this index. */
    public TensorInfo input(int index) {
        return inputs.get(index);
    }

    /** The output with this index. */
    public TensorInfo output(int index) {
        return outputs.get(index);
    }
}
