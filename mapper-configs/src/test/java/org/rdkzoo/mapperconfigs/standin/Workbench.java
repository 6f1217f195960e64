package org.rdkzoo.mapperconfigs.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;

/**
 * A test workbench: stand-ins installed, a small EfficientNet-shaped ONNX model (every node name of the
 * zoo's configs, at 32x32 so that it is quick to build), a calibration folder whose files each hold one
 * float32 sample of its input, and an EfficientNet-style config that points at both with relative
 * paths, all under one root folder (which a test may give spaces, quotes and dollars). The config
 * passes {@code mapper validate}, files included.
 */
public final class Workbench {
    public static final String PREFIX = "EfficientNet_224x224_nv12";
    /** The model: tiny's widths and depths at a 32x32 input, 10 classes. */
    public static final EfficientNetGraphs.Spec MODEL = new EfficientNetGraphs.Spec("workbench", 0.25, 0.1, 32, 10, 1);
    /** Bytes of one calibration sample: 1x3x32x32 float32. */
    public static final int SAMPLE_BYTES = 3 * 32 * 32 * 4;

    private final Path root;
    private final StandIns standIns;
    private final Map<String, String> env;

    private Workbench(Path root, StandIns standIns) {
        this.root = root;
        this.standIns = standIns;
        this.env = new HashMap<>(standIns.env());
    }

    public static Workbench create(Path root) throws IOException {
        Files.createDirectories(root);
        Workbench w = new Workbench(root, StandIns.install(root.resolve("stand-ins")));
        Files.createDirectories(w.models());
        EfficientNetGraphs.write(MODEL, w.model());
        Files.createDirectories(w.calibration());
        for (int i = 0; i < 3; i++) {
            Files.write(w.calibration().resolve("ILSVRC2012_val_0000000" + i + ".rgb"), new byte[SAMPLE_BYTES]);
        }
        Files.createDirectories(w.config().getParent());
        w.writeConfig("default", "");
        return w;
    }

    public Path root() {
        return root;
    }

    public StandIns standIns() {
        return standIns;
    }

    /** The environment to hand to the driver; tests add STANDIN_* switches to it. */
    public Map<String, String> env() {
        return env;
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path model() {
        return models().resolve("efficientnet_b2.onnx");
    }

    public Path calibration() {
        return root.resolve("calibration_data_rgb_f32");
    }

    public Path config() {
        return root.resolve("configs").resolve("EfficientNet_B2_config.yaml");
    }

    public Path workspace() {
        return root.resolve("workspace");
    }

    /** Rewrites the config with this calibration type and extra calibration lines (indented by the caller). */
    public Workbench writeConfig(String calibrationType, String extraCalibration) throws IOException {
        String yaml = """
                model_parameters:
                  onnx_model: '../models/efficientnet_b2.onnx'
                  march: "bayes-e"
                  layer_out_dump: False
                  working_dir: 'model_output'
                  output_model_file_prefix: '%s'
                input_parameters:
                  input_name: ""
                  input_type_rt: 'nv12'
                  input_type_train: 'rgb'
                  input_layout_train: 'NCHW'
                  input_shape: ''
                  norm_type: 'data_mean_and_scale'
                  mean_value: 123.675 116.28 103.53
                  scale_value: 0.01712475 0.017507 0.01742919
                calibration_parameters:
                  cal_data_dir: '../calibration_data_rgb_f32'
                  cal_data_type: 'float32'
                  calibration_type: '%s'
                %scompiler_parameters:
                  compile_mode: 'latency'
                  debug: False
                  optimize_level: 'O3'
                """.formatted(PREFIX, calibrationType, extraCalibration);
        Files.writeString(config(), yaml, StandardCharsets.UTF_8);
        return this;
    }
}
