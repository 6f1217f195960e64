package org.rdkzoo.mapperconfigs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.mapperconfigs.validate.Checks.assertClean;
import static org.rdkzoo.mapperconfigs.validate.Checks.only;
import static org.rdkzoo.mapperconfigs.validate.Checks.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.NodeSetting;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

/**
 * The checks that open files, on the zoo's B2 config beside a generated EfficientNet-shaped model
 * (same input, output and node names as the real export) and a calibration folder.
 */
class FileChecksTest {
    /** One float32 sample of a 1x3x224x224 input. */
    static final int SAMPLE_BYTES = 3 * 224 * 224 * 4;
    private static byte[] model;

    @TempDir
    Path dir;
    private Path config;

    @BeforeAll
    static void generate() {
        model = EfficientNetGraphs.build(EfficientNetGraphs.tiny()).toByteArray();
    }

    @BeforeEach
    void layOut() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("project"));
        Files.write(sub.resolve("efficientnet_b2.onnx"), model);
        Path cal = Files.createDirectories(sub.resolve("calibration_data_rgb_f32"));
        for (int i = 0; i < 3; i++) {
            Files.write(cal.resolve("ILSVRC2012_val_0000000" + i + ".rgb"), new byte[SAMPLE_BYTES]);
        }
        config = sub.resolve("EfficientNet_B2_config.yaml");
        Files.writeString(config, ZooConfigs.efficientNetB2());
    }

    private List<Diagnostic> validate() throws Exception {
        return ConfigValidator.validateFile(config, ValidationOptions.defaults());
    }

    private List<Diagnostic> validate(MapperConfig c) {
        return ConfigValidator.validate(c, ValidationOptions.defaults());
    }

    private MapperConfig read() throws Exception {
        return MapperConfigReader.read(config);
    }

    @Test
    void theZooConfigPassesWithItsFilesInPlaceWhateverTheWorkingDirectory() throws Exception {
        // Relative paths resolve against the config's folder, not the JVM's working directory.
        assertTrue(!dir.resolve("project").equals(Path.of("").toAbsolutePath()));
        assertClean(validate());
    }

    @Test
    void aMissingModelIsReportedAtItsKey() throws Exception {
        Files.delete(dir.resolve("project/efficientnet_b2.onnx"));
        Diagnostic d = only(validate());
        assertEquals(5, d.line());
        assertEquals("model_parameters.onnx_model", d.key());
        assertTrue(d.message().contains("does not exist"), d.message());
        assertEquals(dir.resolve("project/efficientnet_b2.onnx").toString(), d.found());
    }

    @Test
    void aFileThatIsNotAModelIsReported() throws Exception {
        Files.writeString(dir.resolve("project/efficientnet_b2.onnx"), "version https://git-lfs.github.com/spec/v1\n");
        Diagnostic d = only(validate());
        assertTrue(d.message().contains("Git LFS pointer"), d.message());
    }

    @Test
    void nodeNamesMustExistWithSuggestionsForTypos() throws Exception {
        MapperConfig c = read().withInt16Nodes(List.of("/blocks/blocks.6/blocks.6.0/se/ReduceMaen", "/conv_head/Conv_output_0"))
                .with(ConfigKey.RUN_ON_CPU, "/classifier/Gem");
        String all = render(validate(c));
        assertTrue(all.contains("no node named '/blocks/blocks.6/blocks.6.0/se/ReduceMaen' in the model; did you mean "
                + "'/blocks/blocks.6/blocks.6.0/se/ReduceMean'?"), all);
        assertTrue(all.contains("'/conv_head/Conv_output_0' is a tensor, not a node; the node that computes it is '/conv_head/Conv'"), all);
        assertTrue(all.contains("run_on_cpu: no node named '/classifier/Gem' in the model; did you mean '/classifier/Gemm'?"), all);
    }

    @Test
    void theInputNameAndShapeMustAgreeWithTheModel() throws Exception {
        String all = render(validate(read().with(ConfigKey.INPUT_NAME, "input").with(ConfigKey.INPUT_SHAPE, "1x3x256x256")));
        assertTrue(all.contains("input_name: the model has no input 'input'"), all);
        all = render(validate(read().with(ConfigKey.INPUT_SHAPE, "1x3x256x256")));
        assertTrue(all.contains("input_shape does not match the model's input data (found '1x3x256x256'; allowed: 1x3x224x224)")
                || all.contains("input_shape does not match the model's input data (found 1x3x256x256"), all);
        assertClean(validate(read().with(ConfigKey.INPUT_NAME, "data").with(ConfigKey.INPUT_SHAPE, "1x3x224x224")
                .with(ConfigKey.INPUT_SOURCE, Map.of("data", "ddr"))));
        Diagnostic source = only(validate(read().with(ConfigKey.INPUT_SOURCE, Map.of("dta", "ddr"))));
        assertTrue(source.message().contains("'dta', which is not an input of the model; did you mean 'data'?"), source.message());
    }

    @Test
    void theLayoutMustFindThreeChannels() throws Exception {
        Diagnostic d = only(validate(read().with(ConfigKey.INPUT_LAYOUT_TRAIN, "NHWC")));
        assertTrue(d.message().contains("has 224 channels, rgb needs 3; the model's input looks NCHW"), d.message());
    }

    @Test
    void calibrationFilesOfTheWrongSizeAreNamedBeforeTheRun() throws Exception {
        Path cal = dir.resolve("project/calibration_data_rgb_f32");
        Files.write(cal.resolve("ILSVRC2012_val_00000001.rgb"), new byte[SAMPLE_BYTES / 4]);
        Files.write(cal.resolve("ILSVRC2012_val_00000002.rgb"), new byte[3 * 256 * 256 * 4]);
        Diagnostic d = only(validate());
        assertEquals("calibration_parameters.cal_data_dir", d.key());
        assertEquals(53, d.line());
        assertTrue(d.message().startsWith("2 of 3 calibration files are not one 1x3x224x224 float32 sample; hb_mapper would "
                + "stop with \"Can't reshape\": ILSVRC2012_val_00000001.rgb (150528 bytes, the size of uint8 data), "
                + "ILSVRC2012_val_00000002.rgb (786432 bytes, a 256x256 image)"), d.message());
        assertEquals("602112 bytes per file", d.allowed());
    }

    @Test
    void uint8CalibrationDataIsOneBytePerValue() throws Exception {
        Path cal = dir.resolve("project/calibration_data_rgb_f32");
        assertEquals(1, validate(read().with(ConfigKey.CAL_DATA_TYPE, "uint8")).size());
        try (var files = Files.list(cal)) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[SAMPLE_BYTES / 4]);
            }
        }
        assertClean(validate(read().with(ConfigKey.CAL_DATA_TYPE, "uint8")));
    }

    @Test
    void aMissingOrEmptyCalibrationFolderIsAnError() throws Exception {
        Path cal = dir.resolve("project/calibration_data_rgb_f32");
        try (var files = Files.list(cal)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertTrue(only(validate()).message().contains("the calibration folder is empty"));
        Files.delete(cal);
        Diagnostic d = only(validate());
        assertTrue(d.message().contains("does not exist") && d.message().contains("rdkzoo mapper calib"), d.message());
    }

    @Test
    void noFilesSkipsEveryFileCheck() throws Exception {
        Files.delete(dir.resolve("project/efficientnet_b2.onnx"));
        assertClean(ConfigValidator.validateFile(config, ValidationOptions.configOnly()));
    }

    @Test
    void aConfigBuiltInCodeResolvesPathsAgainstTheGivenBase() throws Exception {
        MapperConfig inCode = MapperConfigReader.parse(ZooConfigs.efficientNetB2(), null)
                .withNodeInfo(Map.of("/conv_stem/Conv", NodeSetting.int16OnBpu()));
        assertClean(ConfigValidator.validate(inCode, ValidationOptions.defaults().withBaseDir(dir.resolve("project"))));
        Diagnostic d = ConfigValidator.validate(inCode, ValidationOptions.defaults().withBaseDir(dir)).get(0);
        assertEquals(null, d.file());
        assertEquals("model_parameters.onnx_model", d.key());
        assertTrue(d.location().startsWith("<config>:5:"), d.location());
    }

    @Test
    void anUnreadableConfigIsOneErrorAtItsPosition() throws Exception {
        Files.writeString(config, "model_parameters:\n  onnx_model: !!java.io.File /etc/passwd\n");
        Diagnostic d = only(validate());
        assertEquals(2, d.line());
        assertTrue(d.message().startsWith("tag !!java.io.File is not allowed"), d.message());
    }

    @Test
    void aRealNhwcModelWithAnNchwConfigGetsTheLayoutHint() throws Exception {
        Path assets = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"));
        Path st = assets.resolve("models/mobilenet_v2_1.0_224_int8_per_tensor.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(st), st + " not found: skipping the real NHWC model check");
        OnnxModel m = OnnxModel.read(st);
        MapperConfig c = read().with(ConfigKey.ONNX_MODEL, st.toString()).withNodeInfo(Map.of());
        String all = render(validate(c));
        assertTrue(all.contains("with layout NCHW the model's input serving_default_input_1:0 unk__1590x224x224x3 has 224 "
                + "channels, rgb needs 3; the model's input looks NHWC"), all);
        assertEquals(1, m.inputs().size());
    }
}
