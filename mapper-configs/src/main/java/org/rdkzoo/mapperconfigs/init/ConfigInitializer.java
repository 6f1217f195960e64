package org.rdkzoo.mapperconfigs.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.ValueInfo;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Section;

/**
 * Makes the config {@code rdkzoo mapper init} writes: from the zoo's settings for a zoo model, or from
 * the model itself and the X5 defaults for any other ONNX; then the user's overrides. Paths are
 * written relative to the config's folder when the file lies inside it, absolute otherwise.
 */
public final class ConfigInitializer {
    /** ImageNet mean and scale in hb_mapper's terms: 255 x mean and 1 / (255 x std), per RGB channel. */
    static final String IMAGENET_MEAN = "123.675 116.28 103.53";
    static final String IMAGENET_SCALE = "0.01712475 0.017507 0.01742919";
    static final String DEFAULT_CAL_DIR = "./calibration_data_rgb_f32";

    private static final String ZOO_SOURCE = "rdk_model_zoo main@be4f89b samples/vision/classification/";

    private ConfigInitializer() {
    }

    /** The zoo's config for a zoo model, with paths to the user's files and the user's overrides. */
    public static InitResult fromTemplate(ModelTemplate t, InitOptions o) {
        List<String> notes = new ArrayList<>();
        MapperConfig c = MapperConfig.empty();
        for (Map.Entry<String, Object> e : t.settings().entrySet()) {
            c = c.with(key(e.getKey()), e.getValue());
        }
        if (!t.int16Nodes().isEmpty()) {
            c = c.withInt16Nodes(t.int16Nodes());
        }
        String onnx = o.onnx() != null ? path(o.onnx(), o.outDir())
                : "./" + (t.onnxFile() != null ? t.onnxFile() : t.id() + ".onnx");
        c = c.with(ConfigKey.ONNX_MODEL, onnx);
        if (t.zooHasConfig()) {
            notes.add("Settings of the zoo's " + t.baseName() + "_config.yaml (" + ZOO_SOURCE + t.family()
                    + "/yaml), with paths to your files.");
            notes.add("output_model_file_prefix is the published .bin stem; the zoo's file uses a name without the variant.");
        } else {
            notes.add("The zoo has no hb_mapper config for " + t.stem() + ": these are the X5 defaults its classification "
                    + "configs share.");
        }
        if (t.nodeInfoUnknown()) {
            notes.add("The zoo's config also keeps some nodes in int16 or on a given core (node_info); their names are not "
                    + "known to rdkzoo,\nso none are set here. Add nodes with: rdkzoo mapper init " + t.id() + " --int16 NODE ...");
        }
        if (t.onnxFile() == null && o.onnx() == null) {
            notes.add("The zoo publishes no ONNX for this model: export one and pass it with --onnx.");
        } else if (o.onnx() == null) {
            notes.add("onnx_model expects " + t.onnxFile() + " beside this file (or pass --onnx PATH).");
        }
        c = c.with(ConfigKey.WORKING_DIR, t.stem()).with(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, t.stem());
        c = overrides(c, o, notes, t.settings());
        return new InitResult(ordered(c), t.baseName() + "_config.yaml", "the zoo's settings for " + t.stem(), notes);
    }

    /**
     * A config for any single-input ONNX model: input name, shape and layout read from it, the X5
     * defaults (nv12 at runtime for RGB models, ImageNet mean and scale, default calibration, O3),
     * then the user's overrides.
     *
     * @param name a name for the output prefix; the ONNX file's stem when {@code null}
     */
    public static InitResult fromOnnx(Path onnxPath, OnnxModel model, String name, InitOptions o) throws InitException {
        List<ValueInfo> inputs = model.inputs();
        if (inputs.size() != 1) {
            throw new InitException(onnxPath + " has " + inputs.size() + " inputs; mapper init writes configs for "
                    + "single-input models (write input_name, input_shape... for each input, separated by ';')");
        }
        ValueInfo in = inputs.get(0);
        List<Long> shape = shape(onnxPath, in);
        Layout layout = Layout.of(shape);
        List<String> notes = new ArrayList<>();
        notes.add("Input " + in.name() + " " + in.shapeText() + " read from " + onnxPath.getFileName() + "; X5 defaults "
                + "for the rest.");
        String stem = name != null ? name : onnxPath.getFileName().toString().replaceFirst("\\.onnx$", "");
        String rt = switch (layout.type()) {
            case "rgb" -> layout.h() % 2 == 0 && layout.w() % 2 == 0 ? "nv12" : "rgb";
            default -> layout.type();
        };
        if (layout.type().equals("rgb") && rt.equals("rgb")) {
            notes.add("The input is " + layout.h() + "x" + layout.w() + ": nv12 needs even sizes, so rgb is used at runtime.");
        }
        MapperConfig c = MapperConfig.empty()
                .with(ConfigKey.ONNX_MODEL, path(o.onnx() != null ? o.onnx() : onnxPath, o.outDir()))
                .with(ConfigKey.MARCH, "bayes-e")
                .with(ConfigKey.LAYER_OUT_DUMP, false)
                .with(ConfigKey.INPUT_NAME, in.name())
                .with(ConfigKey.INPUT_TYPE_RT, rt)
                .with(ConfigKey.INPUT_TYPE_TRAIN, layout.type())
                .with(ConfigKey.INPUT_LAYOUT_TRAIN, layout.layout())
                .with(ConfigKey.INPUT_SHAPE, String.join("x", shape.stream().map(String::valueOf).toList()));
        boolean rawBytes = in.type() == DataType.UINT8 || in.type() == DataType.INT8;
        if (layout.type().equals("rgb") && !rawBytes) {
            c = c.with(ConfigKey.NORM_TYPE, "data_mean_and_scale").with(ConfigKey.MEAN_VALUE, IMAGENET_MEAN)
                    .with(ConfigKey.SCALE_VALUE, IMAGENET_SCALE);
            notes.add("mean_value and scale_value are ImageNet's (mean 0.485 0.456 0.406, std 0.229 0.224 0.225, x255);"
                    + "\nchange them with --mean/--scale if the model was trained otherwise.");
        } else {
            c = c.with(ConfigKey.NORM_TYPE, "no_preprocess");
            notes.add(rawBytes ? "The model takes " + in.type() + " input and normalises it itself: no_preprocess."
                    : "A " + layout.type() + " input: no_preprocess (set --norm-type, --mean, --scale if needed).");
        }
        c = c.with(ConfigKey.CAL_DATA_DIR, DEFAULT_CAL_DIR).with(ConfigKey.CAL_DATA_TYPE, "float32")
                .with(ConfigKey.CALIBRATION_TYPE, "default")
                .with(ConfigKey.COMPILE_MODE, "latency").with(ConfigKey.DEBUG, false).with(ConfigKey.OPTIMIZE_LEVEL, "O3");
        String prefix = stem + "_" + layout.h() + "x" + layout.w() + "_" + rt;
        c = c.with(ConfigKey.WORKING_DIR, prefix).with(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, prefix);
        c = overrides(c, o, notes, Map.of());
        return new InitResult(ordered(c), stem + "_config.yaml", onnxPath.getFileName().toString(), notes);
    }

    private static MapperConfig overrides(MapperConfig c, InitOptions o, List<String> notes, Map<String, Object> template) {
        if (o.calibrationType() != null) {
            c = c.withCalibrationType(o.calibrationType());
            // A template's max_percentile belongs to its max calibration, not to the type chosen instead.
            if (!o.calibrationType().equals("max") && o.maxPercentile() == null) {
                c = c.without(ConfigKey.MAX_PERCENTILE);
            }
        }
        if (o.maxPercentile() != null) {
            c = c.withMaxPercentile(o.maxPercentile());
        }
        if (o.perChannel() != null) {
            c = c.withPerChannel(o.perChannel());
        }
        if (o.inputTypeRt() != null) {
            c = c.with(ConfigKey.INPUT_TYPE_RT, o.inputTypeRt());
        }
        if (o.normType() != null) {
            c = c.with(ConfigKey.NORM_TYPE, o.normType());
            if (o.normType().equals("no_preprocess")) {
                c = c.without(ConfigKey.MEAN_VALUE).without(ConfigKey.SCALE_VALUE);
            } else if (o.normType().equals("data_mean")) {
                c = c.without(ConfigKey.SCALE_VALUE);
            } else if (o.normType().equals("data_scale")) {
                c = c.without(ConfigKey.MEAN_VALUE);
            }
        }
        if (o.mean() != null) {
            c = c.with(ConfigKey.MEAN_VALUE, numbers(o.mean()));
        }
        if (o.scale() != null) {
            c = c.with(ConfigKey.SCALE_VALUE, numbers(o.scale()));
        }
        if (o.optimizeLevel() != null) {
            c = c.with(ConfigKey.OPTIMIZE_LEVEL, o.optimizeLevel());
        }
        if (o.calDataDir() != null) {
            c = c.with(ConfigKey.CAL_DATA_DIR, path(o.calDataDir(), o.outDir()));
        }
        if (o.workingDir() != null) {
            c = c.with(ConfigKey.WORKING_DIR, o.workingDir());
        }
        if (o.prefix() != null) {
            c = c.with(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, o.prefix());
        }
        if (!o.int16Nodes().isEmpty()) {
            c = c.withInt16Nodes(o.int16Nodes());
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Object> e : template.entrySet()) {
            Object now = c.get(key(e.getKey()));
            if (!Objects.equals(normalize(now), normalize(e.getValue())) && !isPath(e.getKey())) {
                changed.add(e.getKey() + " " + (now == null ? "removed" : now) + " (zoo: " + e.getValue() + ")");
            }
        }
        for (String k : List.of("max_percentile", "per_channel")) {
            if (!template.isEmpty() && !template.containsKey(k) && c.get(key(k)) != null) {
                changed.add(k + " " + c.get(key(k)) + " (zoo: not set)");
            }
        }
        if (!changed.isEmpty()) {
            notes.add("Changed from the zoo's settings: " + String.join(", ", changed) + ".");
        }
        if (!o.int16Nodes().isEmpty()) {
            notes.add("int16 on the BPU by request: " + String.join(", ", o.int16Nodes()) + ".");
        }
        return c;
    }

    private static boolean isPath(String key) {
        return key.equals("cal_data_dir");
    }

    private static Object normalize(Object v) {
        return v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue() : v;
    }

    /** A single number as a number, several as hb_mapper's space-separated string. */
    private static Object numbers(String text) {
        String t = text.trim().replaceAll("[,\\s]+", " ");
        if (!t.contains(" ")) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    /** Relative to the config's folder when inside it (portable with the folder), absolute otherwise. */
    static String path(Path file, Path outDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = outDir.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? "./" + dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    private static ConfigKey key(String yamlName) {
        for (Section s : Section.values()) {
            var k = ConfigKey.of(s, yamlName);
            if (k.isPresent()) {
                return k.get();
            }
        }
        throw new IllegalStateException("zoo-templates.yaml names an unknown key " + yamlName);
    }

    /** Keys in the documented order within sections (the writer orders them too; this keeps equals stable). */
    private static MapperConfig ordered(MapperConfig c) {
        MapperConfig out = MapperConfig.empty();
        for (ConfigKey k : ConfigKey.values()) {
            if (c.has(k)) {
                out = out.with(k, c.get(k));
            }
        }
        return out;
    }

    private static List<Long> shape(Path onnxPath, ValueInfo in) throws InitException {
        List<Long> shape = new ArrayList<>();
        for (int d = 0; d < in.shape().size(); d++) {
            ValueInfo.Dim dim = in.shape().get(d);
            if (dim.isFixed()) {
                shape.add(dim.value());
            } else if (d == 0) {
                shape.add(1L);
            } else {
                throw new InitException(onnxPath + ": input " + in.name() + " " + in.shapeText() + " has a dynamic size "
                        + "besides the batch; export the model with a fixed height and width");
            }
        }
        if (shape.size() != 4) {
            throw new InitException(onnxPath + ": input " + in.name() + " " + in.shapeText() + " is not an image batch "
                    + "(4 dimensions); write the config by hand");
        }
        return shape;
    }

    /** Layout and input type guessed from a 4-D shape: 3 or 1 channels first (NCHW) or last (NHWC). */
    record Layout(String layout, String type, long h, long w) {
        static Layout of(List<Long> s) {
            if (s.get(1) == 3 || s.get(1) == 1) {
                return new Layout("NCHW", s.get(1) == 3 ? "rgb" : "gray", s.get(2), s.get(3));
            } else if (s.get(3) == 3 || s.get(3) == 1) {
                return new Layout("NHWC", s.get(3) == 3 ? "rgb" : "gray", s.get(1), s.get(2));
            }
            return new Layout("NCHW", "featuremap", s.get(2), s.get(3));
        }
    }
}
