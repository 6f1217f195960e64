package org.rdkzoo.mapperconfigs.validate;

import java.util.List;
import java.util.Map;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Section;

/**
 * model_parameters: the X5's march, one model (ONNX, or Caffe's two files), a usable output prefix,
 * and the documented values of remove_node_type and debug_mode.
 */
final class ModelParametersCheck implements ConfigCheck {
    private static final Map<String, String> OTHER_BOARDS = Map.of(
            "bernoulli2", "the RDK X3's", "bayes", "the RDK Ultra's", "nash-e", "the RDK S100's", "nash-m", "the RDK S100P's");

    @Override
    public void check(CheckContext ctx) {
        if (ctx.section(Section.MODEL_PARAMETERS).isEmpty()) {
            return;
        }
        MapperConfig c = ctx.config();
        c.string(ConfigKey.MARCH).filter(m -> !m.equals("bayes-e")).ifPresent(m -> ctx.error(ConfigKey.MARCH,
                "march '" + m + "' is " + OTHER_BOARDS.getOrDefault(m, "not a known") + " architecture; the RDK X5 is bayes-e",
                m, "bayes-e"));

        boolean onnx = c.has(ConfigKey.ONNX_MODEL);
        boolean caffe = c.has(ConfigKey.CAFFE_MODEL) || c.has(ConfigKey.PROTOTXT);
        if (!onnx && !caffe) {
            ctx.add(Severity.ERROR, List.of("model_parameters", "onnx_model"), false,
                    "missing the model: set onnx_model (or caffe_model and prototxt)", null, "a path to the .onnx file");
        } else if (onnx && caffe) {
            ctx.error(ConfigKey.CAFFE_MODEL, "give either onnx_model or caffe_model/prototxt, not both", null, null);
        } else if (caffe) {
            if (!c.has(ConfigKey.CAFFE_MODEL) || !c.has(ConfigKey.PROTOTXT)) {
                ctx.error(c.has(ConfigKey.CAFFE_MODEL) ? ConfigKey.PROTOTXT : ConfigKey.CAFFE_MODEL,
                        "a Caffe model needs both caffe_model and prototxt", null, null);
            }
            ctx.warning(ConfigKey.CAFFE_MODEL, "rdkzoo checks ONNX models only; the Caffe files are not opened", null, null);
        }
        c.string(ConfigKey.ONNX_MODEL).filter(String::isBlank).ifPresent(s -> ctx.error(ConfigKey.ONNX_MODEL,
                "onnx_model is empty", s, "a path to the .onnx file"));

        c.string(ConfigKey.OUTPUT_MODEL_FILE_PREFIX).ifPresent(p -> {
            if (p.isBlank()) {
                ctx.error(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, "output_model_file_prefix is empty", p,
                        "a file name stem, e.g. EfficientNet_B2_224x224_nv12");
            } else if (p.contains("/") || p.contains("\\")) {
                ctx.error(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, "output_model_file_prefix is a file name stem, not a path "
                        + "(the files go to working_dir)", p, "a name without '/'");
            }
        });
        if (Boolean.TRUE.equals(c.get(ConfigKey.LAYER_OUT_DUMP))) {
            ctx.warning(ConfigKey.LAYER_OUT_DUMP, "layer_out_dump adds a dequantized output per convolution and slows "
                    + "the model on the board; use it for debugging only", true, "False");
        }
        c.string(ConfigKey.DEBUG_MODE).filter(d -> !ConfigKey.DEBUG_MODE.allowed().contains(d)).ifPresent(d ->
                ctx.error(ConfigKey.DEBUG_MODE, "unknown debug_mode" + CheckContext.didYouMean(d, ConfigKey.DEBUG_MODE.allowed()),
                        d, String.join(", ", ConfigKey.DEBUG_MODE.allowed())));
        AllowedWords.check(ctx, ConfigKey.REMOVE_NODE_TYPE);
        if (c.has(ConfigKey.SET_NODE_DATA_TYPE)) {
            ctx.warning(ConfigKey.SET_NODE_DATA_TYPE, "set_node_data_type is merged into node_info on the X5 and is "
                    + "planned for removal; use node_info", null, "node_info");
        }
    }
}
