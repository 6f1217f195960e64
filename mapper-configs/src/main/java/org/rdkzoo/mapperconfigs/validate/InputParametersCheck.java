package org.rdkzoo.mapperconfigs.validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Section;
import org.rdkzoo.mapperconfigs.config.Values;

/**
 * input_parameters, per input (values separated by {@code ;}): the documented words, the
 * {@code input_type_train} → {@code input_type_rt} pairs the toolchain converts, mean and scale
 * present as norm_type needs and one value or one per channel, input_space_and_range only with
 * nv12, input_batch 1 to 128, and even height and width for nv12 and yuv444.
 */
final class InputParametersCheck implements ConfigCheck {
    /** What each training input type can become at runtime. */
    static final Map<String, List<String>> RUNTIME_TYPES = Map.of(
            "rgb", List.of("nv12", "yuv444", "rgb", "bgr"),
            "bgr", List.of("nv12", "yuv444", "rgb", "bgr"),
            "yuv444", List.of("nv12", "yuv444"),
            "gray", List.of("gray"),
            "featuremap", List.of("featuremap"));

    private static final List<ConfigKey> PER_INPUT = List.of(ConfigKey.INPUT_TYPE_RT, ConfigKey.INPUT_TYPE_TRAIN,
            ConfigKey.INPUT_LAYOUT_TRAIN, ConfigKey.INPUT_LAYOUT_RT, ConfigKey.INPUT_SPACE_AND_RANGE, ConfigKey.NORM_TYPE,
            ConfigKey.INPUT_SHAPE);

    @Override
    public void check(CheckContext ctx) {
        if (ctx.section(Section.INPUT_PARAMETERS).isEmpty()) {
            return;
        }
        MapperConfig c = ctx.config();
        for (ConfigKey k : List.of(ConfigKey.INPUT_TYPE_RT, ConfigKey.INPUT_TYPE_TRAIN, ConfigKey.INPUT_LAYOUT_TRAIN,
                ConfigKey.INPUT_LAYOUT_RT, ConfigKey.INPUT_SPACE_AND_RANGE, ConfigKey.NORM_TYPE)) {
            AllowedWords.check(ctx, k);
        }
        int inputs = inputCount(c);
        if (c.list(ConfigKey.INPUT_NAME).isEmpty() && inputs > 1) {
            ctx.error(ConfigKey.INPUT_NAME, "input_name is required for a model with several inputs (" + inputs
                    + " values given for other input keys)", c.get(ConfigKey.INPUT_NAME), "names separated by ';'");
        }
        for (ConfigKey k : PER_INPUT) {
            int n = c.list(k).size();
            if (n != 0 && n != inputs) {
                ctx.error(k, k.yamlName() + " has " + n + " values for " + inputs + " input(s)", c.get(k),
                        inputs + " value(s) separated by ';'");
            }
        }
        for (int i = 0; i < inputs; i++) {
            checkInput(ctx, i, inputs);
        }
        c.integer(ConfigKey.INPUT_BATCH).ifPresent(b -> {
            if (b < 1 || b > 128) {
                ctx.error(ConfigKey.INPUT_BATCH, "input_batch must be between 1 and 128", b, "1-128");
            }
        });
        if (c.has(ConfigKey.INPUT_BATCH) && inputs > 1) {
            ctx.error(ConfigKey.INPUT_BATCH, "input_batch applies to single-input models only", c.get(ConfigKey.INPUT_BATCH), null);
        }
    }

    static int inputCount(MapperConfig c) {
        int names = c.list(ConfigKey.INPUT_NAME).size();
        if (names > 0) {
            return names;
        }
        int n = 1;
        for (ConfigKey k : PER_INPUT) {
            n = Math.max(n, c.list(k).size());
        }
        return n;
    }

    /** Item {@code i} of a ';' list, or its only item for a single-valued one. */
    static Optional<String> item(MapperConfig c, ConfigKey key, int i) {
        List<String> items = c.list(key);
        if (items.size() == 1) {
            return Optional.of(items.get(0));
        }
        return i < items.size() ? Optional.of(items.get(i)) : Optional.empty();
    }

    private static void checkInput(CheckContext ctx, int i, int inputs) {
        MapperConfig c = ctx.config();
        String which = inputs > 1 ? " (input " + (i + 1) + ")" : "";
        Optional<String> train = item(c, ConfigKey.INPUT_TYPE_TRAIN, i);
        Optional<String> rt = item(c, ConfigKey.INPUT_TYPE_RT, i);
        if (train.isPresent() && rt.isPresent() && RUNTIME_TYPES.containsKey(train.get())
                && ConfigKey.INPUT_TYPE_RT.allowed().contains(rt.get())
                && !RUNTIME_TYPES.get(train.get()).contains(rt.get())) {
            ctx.error(ConfigKey.INPUT_TYPE_RT, "a model trained on " + train.get() + " input cannot take " + rt.get()
                    + " at runtime" + which, rt.get(), String.join(", ", RUNTIME_TYPES.get(train.get())));
        }
        item(c, ConfigKey.INPUT_SPACE_AND_RANGE, i).filter(s -> rt.isPresent() && !rt.get().equals("nv12")).ifPresent(s ->
                ctx.error(ConfigKey.INPUT_SPACE_AND_RANGE, "input_space_and_range applies only when input_type_rt is nv12"
                        + which, rt.get(), "nv12"));
        checkNormalization(ctx, i, inputs, train, which);
        item(c, ConfigKey.INPUT_SHAPE, i).flatMap(Values::shape).ifPresent(shape -> {
            Optional<String> layout = item(c, ConfigKey.INPUT_LAYOUT_TRAIN, i);
            if (rt.isPresent() && (rt.get().equals("nv12") || rt.get().equals("yuv444")) && shape.size() == 4 && layout.isPresent()) {
                long h = layout.get().equals("NHWC") ? shape.get(1) : shape.get(2);
                long w = layout.get().equals("NHWC") ? shape.get(2) : shape.get(3);
                if (h % 2 != 0 || w % 2 != 0) {
                    ctx.error(ConfigKey.INPUT_SHAPE, rt.get() + " input needs an even height and width" + which,
                            h + "x" + w, "even dimensions");
                }
            }
        });
    }

    private static void checkNormalization(CheckContext ctx, int i, int inputs, Optional<String> train, String which) {
        MapperConfig c = ctx.config();
        Optional<String> norm = item(c, ConfigKey.NORM_TYPE, i);
        if (norm.isEmpty() || !ConfigKey.NORM_TYPE.allowed().contains(norm.get())) {
            return;
        }
        boolean needMean = norm.get().equals("data_mean_and_scale") || norm.get().equals("data_mean");
        boolean needScale = norm.get().equals("data_mean_and_scale") || norm.get().equals("data_scale");
        values(ctx, ConfigKey.MEAN_VALUE, i, inputs, needMean, norm.get(), train, which);
        values(ctx, ConfigKey.SCALE_VALUE, i, inputs, needScale, norm.get(), train, which);
    }

    private static void values(CheckContext ctx, ConfigKey key, int i, int inputs, boolean needed, String norm,
            Optional<String> train, String which) {
        MapperConfig c = ctx.config();
        Optional<List<List<Double>>> parsed = Values.numbersPerInput(c.get(key));
        if (parsed.isEmpty()) {
            return; // wrong type: reported by the structure check
        }
        List<List<Double>> perInput = parsed.get();
        List<Double> values = perInput.size() == 1 ? perInput.get(0) : i < perInput.size() ? perInput.get(i) : List.of();
        if (i == 0 && perInput.size() > 1 && perInput.size() != inputs) {
            ctx.error(key, key.yamlName() + " has values for " + perInput.size() + " inputs, the model " + inputs,
                    c.get(key), "one group per input, separated by ';'");
        }
        if (needed && values.isEmpty()) {
            ctx.error(key, "norm_type " + norm + " needs " + key.yamlName() + which, c.get(key),
                    "one value, or one per channel separated by spaces");
            return;
        }
        if (!needed && !values.isEmpty()) {
            ctx.warning(key, key.yamlName() + " is ignored with norm_type " + norm + which, c.get(key), null);
            return;
        }
        int channels = train.map(t -> t.equals("gray") ? 1 : t.equals("featuremap") ? -1 : 3).orElse(-1);
        if (!values.isEmpty() && channels > 0 && values.size() != 1 && values.size() != channels) {
            ctx.error(key, key.yamlName() + " needs one value or one per channel (" + channels + " for "
                    + train.orElse("") + ")" + which + ", found " + values.size(), c.get(key),
                    channels == 1 ? "1 value" : "1 or " + channels + " values");
        }
        if (key == ConfigKey.SCALE_VALUE && values.stream().anyMatch(v -> v == 0)) {
            ctx.error(key, "a scale of 0 wipes the input out" + which, c.get(key), "non-zero values");
        }
    }
}
