package org.rdkzoo.runtime.tensor;

import java.util.Objects;

/**
 * One input or output of a model, as libdnn describes it.
 *
 * @param index      its index ({@code inputIndex} / {@code outputIndex})
 * @param name       its name ({@code hbDNNGetInputName} / {@code hbDNNGetOutputName})
 * @param properties its properties ({@code hbDNNGet...TensorProperties})
 */
public record TensorInfo(int index, String name, TensorProperties properties) {
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String toString() {
        return "[" + index + "] " + name + ": " + properties;
    }
}
