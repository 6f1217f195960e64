package org.rdkzoo.mapperconfigs.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.evaluator.onnx.InvalidOnnxModelException;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.OnnxNode;
import org.rdkzoo.evaluator.onnx.ValueInfo;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Values;

/**
 * The ONNX model the config names: it exists and parses; its inputs agree with input_name,
 * input_shape, the layout and the channel count of input_type_train; and every node named in
 * node_info, run_on_cpu, run_on_bpu, output_nodes and remove_node_name is in the graph.
 */
final class ModelFileCheck implements ConfigCheck {
    private static final List<ConfigKey> NODE_KEYS = List.of(ConfigKey.OUTPUT_NODES, ConfigKey.REMOVE_NODE_NAME,
            ConfigKey.RUN_ON_CPU, ConfigKey.RUN_ON_BPU);

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public void check(CheckContext ctx) {
        Optional<Path> path = ctx.resolve(ConfigKey.ONNX_MODEL);
        if (path.isEmpty()) {
            ctx.model(null);
            return;
        }
        OnnxModel model = load(ctx, path.get());
        ctx.model(model);
        if (model == null) {
            return;
        }
        checkInputs(ctx, model);
        checkNodes(ctx, model);
    }

    private static OnnxModel load(CheckContext ctx, Path file) {
        if (!Files.exists(file)) {
            ctx.error(ConfigKey.ONNX_MODEL, "the model file does not exist (relative paths start at the config's folder)",
                    Found.raw(file.toString()), "an existing .onnx file");
            return null;
        }
        try {
            return OnnxModel.read(file);
        } catch (InvalidOnnxModelException e) {
            ctx.error(ConfigKey.ONNX_MODEL, e.getMessage(), Found.raw(file.toString()), "an ONNX model");
        } catch (IOException e) {
            ctx.error(ConfigKey.ONNX_MODEL, "cannot read the model: " + e, Found.raw(file.toString()), null);
        }
        return null;
    }

    /** The model inputs each config input refers to, by name or (single input) by position. */
    static List<ValueInfo> configInputs(MapperConfig c, OnnxModel model) {
        List<String> names = c.list(ConfigKey.INPUT_NAME);
        List<ValueInfo> inputs = model.inputs();
        if (names.isEmpty()) {
            return inputs.size() == 1 ? inputs : List.of();
        }
        List<ValueInfo> out = new ArrayList<>();
        for (String n : names) {
            inputs.stream().filter(v -> v.name().equals(n)).findFirst().ifPresent(out::add);
        }
        return out.size() == names.size() ? out : List.of();
    }

    private static void checkInputs(CheckContext ctx, OnnxModel model) {
        MapperConfig c = ctx.config();
        List<ValueInfo> inputs = model.inputs();
        List<String> inputNames = inputs.stream().map(ValueInfo::name).toList();
        List<String> names = c.list(ConfigKey.INPUT_NAME);
        if (names.isEmpty() && inputs.size() > 1) {
            ctx.error(ConfigKey.INPUT_NAME, "the model has " + inputs.size() + " inputs; input_name must name them",
                    c.get(ConfigKey.INPUT_NAME), String.join(";", inputNames));
        }
        for (String n : names) {
            if (!inputNames.contains(n)) {
                ctx.error(ConfigKey.INPUT_NAME, "the model has no input '" + n + "'" + CheckContext.didYouMean(n, inputNames),
                        n, String.join(", ", inputNames));
            }
        }
        for (String source : c.inputSource().keySet()) {
            if (!inputNames.contains(source)) {
                ctx.add(Severity.ERROR, List.of("compiler_parameters", "input_source", source), false,
                        "input_source names '" + source + "', which is not an input of the model"
                                + CheckContext.didYouMean(source, inputNames), source, String.join(", ", inputNames));
            }
        }
        List<ValueInfo> matched = configInputs(c, model);
        for (int i = 0; i < matched.size(); i++) {
            checkShape(ctx, matched.get(i), i);
        }
    }

    private static void checkShape(CheckContext ctx, ValueInfo input, int i) {
        MapperConfig c = ctx.config();
        List<ValueInfo.Dim> dims = input.shape();
        Optional<List<Long>> given = InputParametersCheck.item(c, ConfigKey.INPUT_SHAPE, i).flatMap(Values::shape);
        if (given.isPresent() && input.hasShape()) {
            boolean agree = given.get().size() == dims.size();
            for (int d = 0; agree && d < dims.size(); d++) {
                agree = !dims.get(d).isFixed() || dims.get(d).value() == given.get().get(d);
            }
            if (!agree) {
                ctx.error(ConfigKey.INPUT_SHAPE, "input_shape does not match the model's input " + input.name(),
                        String.join("x", given.get().stream().map(String::valueOf).toList()), input.shapeText());
            }
        }
        List<Long> shape = effectiveShape(c, input, i).orElse(null);
        if (shape == null || shape.size() != 4) {
            return;
        }
        Optional<String> layout = InputParametersCheck.item(c, ConfigKey.INPUT_LAYOUT_TRAIN, i);
        Optional<String> train = InputParametersCheck.item(c, ConfigKey.INPUT_TYPE_TRAIN, i);
        if (layout.isPresent() && train.isPresent() && !train.get().equals("featuremap")) {
            int want = train.get().equals("gray") ? 1 : 3;
            long channels = layout.get().equals("NHWC") ? shape.get(3) : shape.get(1);
            long other = layout.get().equals("NHWC") ? shape.get(1) : shape.get(3);
            if (channels != want) {
                // Height and width cannot be told apart from channels either: stop here.
                String hint = other == want ? "; the model's input looks " + (layout.get().equals("NHWC") ? "NCHW" : "NHWC") : "";
                ctx.error(ConfigKey.INPUT_LAYOUT_TRAIN, "with layout " + layout.get() + " the model's input " + input.name()
                        + " " + input.shapeText() + " has " + channels + " channels, " + train.get() + " needs " + want + hint,
                        layout.get(), hint.isEmpty() ? null : (layout.get().equals("NHWC") ? "NCHW" : "NHWC"));
                return;
            }
            Optional<String> rt = InputParametersCheck.item(c, ConfigKey.INPUT_TYPE_RT, i);
            long h = layout.get().equals("NHWC") ? shape.get(1) : shape.get(2);
            long w = layout.get().equals("NHWC") ? shape.get(2) : shape.get(3);
            if (given.isEmpty() && rt.isPresent() && (rt.get().equals("nv12") || rt.get().equals("yuv444"))
                    && (h % 2 != 0 || w % 2 != 0)) {
                ctx.error(ConfigKey.INPUT_TYPE_RT, rt.get() + " input needs an even height and width; the model's is "
                        + h + "x" + w, rt.get(), "rgb or bgr for odd sizes");
            }
        }
        if (c.has(ConfigKey.INPUT_BATCH) && !dims.isEmpty() && dims.get(0).isFixed() && dims.get(0).value() != 1) {
            ctx.error(ConfigKey.INPUT_BATCH, "input_batch needs a model whose first input dimension is 1", input.shapeText(),
                    "a model with batch 1");
        }
    }

    /**
     * The shape of input {@code i} as the toolchain will use it: input_shape when given, else the
     * model's, with a symbolic batch dimension taken as 1. Empty when unknown.
     */
    static Optional<List<Long>> effectiveShape(MapperConfig c, ValueInfo input, int i) {
        Optional<List<Long>> given = InputParametersCheck.item(c, ConfigKey.INPUT_SHAPE, i).flatMap(Values::shape);
        if (given.isPresent()) {
            return given;
        }
        if (!input.hasShape()) {
            return Optional.empty();
        }
        List<Long> out = new ArrayList<>();
        for (int d = 0; d < input.shape().size(); d++) {
            ValueInfo.Dim dim = input.shape().get(d);
            if (dim.isFixed()) {
                out.add(dim.value());
            } else if (d == 0) {
                out.add(1L);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static void checkNodes(CheckContext ctx, OnnxModel model) {
        MapperConfig c = ctx.config();
        List<String> nodeNames = new ArrayList<>(model.nodeNames());
        if (c.get(ConfigKey.NODE_INFO) instanceof Map || c.get(ConfigKey.NODE_INFO) instanceof String) {
            for (String n : c.nodeInfo().keySet()) {
                if (!model.node(n).isPresent()) {
                    ctx.add(Severity.ERROR, List.of("model_parameters", "node_info", n), false, missing(model, n, nodeNames),
                            n, null);
                }
            }
        }
        for (ConfigKey k : NODE_KEYS) {
            if (!(c.get(k) instanceof String)) {
                continue;
            }
            for (String n : c.list(k)) {
                if (model.node(n).isEmpty()) {
                    ctx.error(k, k.yamlName() + ": " + missing(model, n, nodeNames), n, null);
                }
            }
        }
    }

    private static String missing(OnnxModel model, String name, List<String> nodeNames) {
        Map<String, String> producers = new LinkedHashMap<>();
        for (OnnxNode node : model.nodes()) {
            node.outputs().forEach(o -> producers.put(o, node.name()));
        }
        if (producers.containsKey(name)) {
            return "'" + name + "' is a tensor, not a node; the node that computes it is '" + producers.get(name) + "'";
        }
        return "no node named '" + name + "' in the model" + CheckContext.didYouMean(name, nodeNames);
    }
}
