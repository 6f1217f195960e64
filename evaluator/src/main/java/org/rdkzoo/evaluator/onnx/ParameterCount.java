package org.rdkzoo.evaluator.onnx;

import java.util.Map;

/**
 * The initializers of a graph counted by what they are, in elements (not bytes). Only
 * {@link #weights()} is what deep-learning frameworks call the parameters of a network (conv and
 * matmul weights and biases, normalisation scales and shifts): the other kinds are bookkeeping that
 * an exporter or quantizer adds.
 *
 * @param tensors      number of initializers
 * @param elements     elements of all initializers
 * @param bytes        bytes of all initializers
 * @param weights      elements of every initializer not in the three kinds below
 * @param quantization scales and zero points: inputs of QuantizeLinear / DequantizeLinear and of the
 *                     QLinear* operators at their scale and zero-point positions
 * @param structural   INT64 tensors: shapes, axes, pads, indices
 * @param scalars      other one-element tensors: clip bounds, epsilons, constant factors
 * @param byType       elements of all initializers per element type
 */
public record ParameterCount(int tensors, long elements, long bytes, long weights, long quantization,
        long structural, long scalars, Map<DataType, Long> byType) {

    public ParameterCount {
        byType = Map.copyOf(byType);
    }
}
