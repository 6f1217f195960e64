package org.rdkzoo.evaluator.sim;

import org.rdkzoo.evaluator.InvalidInputException;

/** The model given to the simulation is already quantized; {@link #structure()} says how. */
public final class QuantizedModelException extends InvalidInputException {
    private final transient QuantizedStructure structure;

    public QuantizedModelException(String model, QuantizedStructure structure) {
        super(model + " is already quantized (" + structure.summary() + "); the simulation quantizes a float "
                + "model: give it the float .onnx this one was made from");
        this.structure = structure;
    }

    public QuantizedStructure structure() {
        return structure;
    }
}
