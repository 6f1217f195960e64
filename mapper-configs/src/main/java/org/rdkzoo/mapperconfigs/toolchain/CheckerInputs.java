package org.rdkzoo.mapperconfigs.toolchain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.ValueInfo;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Values;

/**
 * The {@code --input-shape NAME NxCxHxW} arguments of {@code hb_mapper checker}. The checker takes one
 * per input and otherwise reads each input's shape from the model (rdk-x5-toolchain.md §2.7, and §2.3:
 * {@code input_shape} is optional for a single input, "read from model"). So a shape is passed only
 * when something says more than the model does:
 * <ul>
 *   <li>the user gave it ({@code mapper check --input-shape NAME=SHAPE});</li>
 *   <li>the config's {@code input_shape} gives it: for the input its {@code input_name} names or, when
 *       the config names none (as the zoo's configs do), for the model's input at the same position,
 *       whose name is read from the graph;</li>
 *   <li>the model's shape has symbolic dimensions: a symbolic batch is taken as 1 (as the validator and
 *       makertbin without {@code input_batch} do); any other symbolic dimension cannot be guessed, and
 *       the user is asked for the shape.</li>
 * </ul>
 * A model whose inputs are all fixed gets no {@code --input-shape} from the model: passing what the
 * checker reads itself would only repeat it.
 */
public final class CheckerInputs {
    /**
     * One {@code --input-shape}.
     *
     * @param input the model input's name
     * @param shape {@code NxCxHxW}
     * @param from  where it came from, for the user: {@code --input-shape}, {@code config input_shape},
     *              or the model with its symbolic batch taken as 1
     */
    public record Shape(String input, String shape, String from) {
    }

    private CheckerInputs() {
    }

    /**
     * The shapes to pass for {@code model} checked under {@code config} (an empty config for a bare
     * model), with the user's {@code given} shapes (input name to {@code NxCxHxW}) taking precedence.
     *
     * @throws IllegalArgumentException when a shape is not {@code NxCxHxW}, or an input has a symbolic
     *         dimension other than the batch and no shape was given for it (the message says how to give one)
     */
    public static List<Shape> shapes(MapperConfig config, OnnxModel model, Map<String, String> given) {
        Map<String, Shape> out = new LinkedHashMap<>();
        given.forEach((name, shape) -> out.put(name, new Shape(name, checked(shape, "--input-shape " + name), "--input-shape")));

        List<ValueInfo> inputs = model.inputs();
        List<String> names = config.list(ConfigKey.INPUT_NAME);
        List<String> configShapes = config.list(ConfigKey.INPUT_SHAPE);
        List<String> order = names.isEmpty() ? inputs.stream().map(ValueInfo::name).toList() : names;
        for (int i = 0; i < Math.min(order.size(), configShapes.size()); i++) {
            String name = order.get(i);
            out.putIfAbsent(name, new Shape(name, checked(configShapes.get(i), "input_shape"), "config input_shape"));
        }
        for (ValueInfo input : inputs) {
            if (!out.containsKey(input.name())) {
                fromModel(input).ifPresent(s -> out.put(input.name(), s));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The shape to pass for an input the user and the config say nothing about: none when it is fixed. */
    private static Optional<Shape> fromModel(ValueInfo input) {
        if (!input.hasShape() || input.fixedShape().isPresent()) {
            return Optional.empty();
        }
        List<String> dims = new ArrayList<>();
        for (int d = 0; d < input.shape().size(); d++) {
            ValueInfo.Dim dim = input.shape().get(d);
            if (dim.isFixed()) {
                dims.add(Long.toString(dim.value()));
            } else if (d == 0) {
                dims.add("1");
            } else {
                throw new IllegalArgumentException("the model's input " + input.name() + " is " + input.shapeText()
                        + ": hb_mapper needs a fixed shape; give it with --input-shape " + input.name()
                        + "=1x3x224x224 (your sizes) or input_shape in the config");
            }
        }
        return Optional.of(new Shape(input.name(), String.join("x", dims),
                "the model (" + input.shapeText() + ", batch " + input.shape().get(0) + " taken as 1)"));
    }

    private static String checked(String shape, String what) {
        if (Values.shape(shape).isEmpty()) {
            throw new IllegalArgumentException(what + ": '" + shape + "' is not a shape like 1x3x224x224");
        }
        return shape.trim();
    }
}
