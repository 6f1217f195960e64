package org.rdkzoo.mapperconfigs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every key of the hb_mapper config that the X5 toolchain documents, with its section, the kind of
 * value it takes and the values the X5 ({@code march: bayes-e}) allows. The declaration order is the
 * conventional order in which {@link MapperConfigWriter} writes them.
 */
public enum ConfigKey {
    // model_parameters
    ONNX_MODEL(Section.MODEL_PARAMETERS, "onnx_model", ValueKind.STRING, false),
    CAFFE_MODEL(Section.MODEL_PARAMETERS, "caffe_model", ValueKind.STRING, false),
    PROTOTXT(Section.MODEL_PARAMETERS, "prototxt", ValueKind.STRING, false),
    MARCH(Section.MODEL_PARAMETERS, "march", ValueKind.STRING, true, "bayes-e"),
    LAYER_OUT_DUMP(Section.MODEL_PARAMETERS, "layer_out_dump", ValueKind.BOOLEAN, false),
    WORKING_DIR(Section.MODEL_PARAMETERS, "working_dir", ValueKind.STRING, false),
    OUTPUT_MODEL_FILE_PREFIX(Section.MODEL_PARAMETERS, "output_model_file_prefix", ValueKind.STRING, true),
    OUTPUT_NODES(Section.MODEL_PARAMETERS, "output_nodes", ValueKind.NAME_LIST, false),
    REMOVE_NODE_TYPE(Section.MODEL_PARAMETERS, "remove_node_type", ValueKind.NAME_LIST, false,
            "Quantize", "Transpose", "Dequantize", "Cast", "Reshape"),
    REMOVE_NODE_NAME(Section.MODEL_PARAMETERS, "remove_node_name", ValueKind.NAME_LIST, false),
    SET_NODE_DATA_TYPE(Section.MODEL_PARAMETERS, "set_node_data_type", ValueKind.STRING, false),
    NODE_INFO(Section.MODEL_PARAMETERS, "node_info", ValueKind.NODE_INFO, false),
    DEBUG_MODE(Section.MODEL_PARAMETERS, "debug_mode", ValueKind.STRING, false, "dump_calibration_data"),

    // input_parameters
    INPUT_NAME(Section.INPUT_PARAMETERS, "input_name", ValueKind.NAME_LIST, false),
    INPUT_TYPE_RT(Section.INPUT_PARAMETERS, "input_type_rt", ValueKind.NAME_LIST, true,
            "nv12", "rgb", "bgr", "yuv444", "gray", "featuremap"),
    INPUT_SPACE_AND_RANGE(Section.INPUT_PARAMETERS, "input_space_and_range", ValueKind.NAME_LIST, false,
            "regular", "bt601_video"),
    INPUT_LAYOUT_RT(Section.INPUT_PARAMETERS, "input_layout_rt", ValueKind.NAME_LIST, false, "NCHW", "NHWC"),
    INPUT_TYPE_TRAIN(Section.INPUT_PARAMETERS, "input_type_train", ValueKind.NAME_LIST, true,
            "rgb", "bgr", "yuv444", "gray", "featuremap"),
    INPUT_LAYOUT_TRAIN(Section.INPUT_PARAMETERS, "input_layout_train", ValueKind.NAME_LIST, true, "NCHW", "NHWC"),
    INPUT_SHAPE(Section.INPUT_PARAMETERS, "input_shape", ValueKind.SHAPE_LIST, false),
    INPUT_BATCH(Section.INPUT_PARAMETERS, "input_batch", ValueKind.INTEGER, false),
    NORM_TYPE(Section.INPUT_PARAMETERS, "norm_type", ValueKind.NAME_LIST, true,
            "data_mean_and_scale", "data_mean", "data_scale", "no_preprocess"),
    MEAN_VALUE(Section.INPUT_PARAMETERS, "mean_value", ValueKind.NUMBER_LIST, false),
    SCALE_VALUE(Section.INPUT_PARAMETERS, "scale_value", ValueKind.NUMBER_LIST, false),

    // calibration_parameters
    CAL_DATA_DIR(Section.CALIBRATION_PARAMETERS, "cal_data_dir", ValueKind.NAME_LIST, false),
    CAL_DATA_TYPE(Section.CALIBRATION_PARAMETERS, "cal_data_type", ValueKind.STRING, false, "float32", "uint8"),
    PREPROCESS_ON(Section.CALIBRATION_PARAMETERS, "preprocess_on", ValueKind.BOOLEAN, false),
    CALIBRATION_TYPE(Section.CALIBRATION_PARAMETERS, "calibration_type", ValueKind.STRING, false,
            "default", "mix", "kl", "max", "load", "skip"),
    MAX_PERCENTILE(Section.CALIBRATION_PARAMETERS, "max_percentile", ValueKind.NUMBER, false),
    PER_CHANNEL(Section.CALIBRATION_PARAMETERS, "per_channel", ValueKind.BOOLEAN, false),
    RUN_ON_CPU(Section.CALIBRATION_PARAMETERS, "run_on_cpu", ValueKind.NAME_LIST, false),
    RUN_ON_BPU(Section.CALIBRATION_PARAMETERS, "run_on_bpu", ValueKind.NAME_LIST, false),
    OPTIMIZATION(Section.CALIBRATION_PARAMETERS, "optimization", ValueKind.NAME_LIST, false,
            "set_model_output_int8", "set_model_output_int16", "set_all_nodes_int16",
            "set_Softmax_input_int8", "set_Softmax_output_int8"),

    // compiler_parameters
    COMPILE_MODE(Section.COMPILER_PARAMETERS, "compile_mode", ValueKind.STRING, false, "latency", "bandwidth"),
    DEBUG(Section.COMPILER_PARAMETERS, "debug", ValueKind.BOOLEAN, false),
    CORE_NUM(Section.COMPILER_PARAMETERS, "core_num", ValueKind.INTEGER, false),
    OPTIMIZE_LEVEL(Section.COMPILER_PARAMETERS, "optimize_level", ValueKind.STRING, true, "O0", "O1", "O2", "O3"),
    INPUT_SOURCE(Section.COMPILER_PARAMETERS, "input_source", ValueKind.INPUT_SOURCE, false, "ddr", "pyramid", "resizer"),
    MAX_TIME_PER_FC(Section.COMPILER_PARAMETERS, "max_time_per_fc", ValueKind.INTEGER, false),
    JOBS(Section.COMPILER_PARAMETERS, "jobs", ValueKind.INTEGER, false),

    // custom_op
    CUSTOM_OP_METHOD(Section.CUSTOM_OP, "custom_op_method", ValueKind.STRING, false, "register"),
    OP_REGISTER_FILES(Section.CUSTOM_OP, "op_register_files", ValueKind.NAME_LIST, false),
    CUSTOM_OP_DIR(Section.CUSTOM_OP, "custom_op_dir", ValueKind.STRING, false);

    private final Section section;
    private final String yamlName;
    private final ValueKind kind;
    private final boolean mandatory;
    private final List<String> allowed;

    ConfigKey(Section section, String yamlName, ValueKind kind, boolean mandatory, String... allowed) {
        this.section = section;
        this.yamlName = yamlName;
        this.kind = kind;
        this.mandatory = mandatory;
        this.allowed = List.of(allowed);
    }

    public Section section() {
        return section;
    }

    public String yamlName() {
        return yamlName;
    }

    /** {@code section.key}, as messages name it. */
    public String path() {
        return section.yamlName() + "." + yamlName;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Always required (keys required only in some cases are checked by the validator's rules). */
    public boolean mandatory() {
        return mandatory;
    }

    /** The words the X5 accepts for this key (for lists: for each item); empty when any value goes. */
    public List<String> allowed() {
        return allowed;
    }

    public static Optional<ConfigKey> of(Section section, String yamlName) {
        for (ConfigKey k : values()) {
            if (k.section == section && k.yamlName.equals(yamlName)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static List<ConfigKey> of(Section section) {
        List<ConfigKey> keys = new ArrayList<>();
        for (ConfigKey k : values()) {
            if (k.section == section) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** Names of every key of a section, for "did you mean" suggestions. */
    public static Set<String> names(Section section) {
        Set<String> names = new java.util.LinkedHashSet<>();
        of(section).forEach(k -> names.add(k.yamlName));
        return names;
    }
}
