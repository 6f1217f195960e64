package org.rdkzoo.mapperconfigs.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.MapperConfigWriter;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.ValidationOptions;

class ConfigInitializerTest {
    @TempDir
    Path dir;

    /** A template by its id (as the catalog names the model) or its stem. */
    private static ModelTemplate template(String idOrStem) {
        return ZooTemplates.all().stream().filter(t -> t.id().equals(idOrStem)).findFirst()
                .orElseGet(() -> ZooTemplates.forStem(idOrStem).orElseThrow());
    }

    private InitResult init(String name) {
        return ConfigInitializer.fromTemplate(template(name), InitOptions.defaults(dir));
    }

    /** The zoo's B2 config with the paths and names mapper init writes instead of the zoo's. */
    private static MapperConfig zooB2As(String onnx, String stem) throws Exception {
        return MapperConfigReader.parse(ZooConfigs.efficientNetB2(), null).with(ConfigKey.ONNX_MODEL, onnx)
                .with(ConfigKey.WORKING_DIR, stem).with(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, stem);
    }

    @Test
    void efficientNetB2IsTheZoosConfigWithTheUsersPaths() throws Exception {
        InitResult r = init("EfficientNet_B2_224x224_nv12");
        assertEquals(zooB2As("./efficientnet_b2.onnx", "EfficientNet_B2_224x224_nv12"), r.config());
        assertEquals("EfficientNet_B2_config.yaml", r.fileName());
        assertTrue(String.join("\n", r.notes()).contains("EfficientNet_B2_config.yaml"), r.notes().toString());
    }

    @Test
    void efficientNetB4SharesB2sInt16NodesAndB3HasNone() throws Exception {
        MapperConfig b4 = init("EfficientNet_B4_224x224_nv12").config();
        assertEquals(zooB2As("./efficientnet_b4.onnx", "EfficientNet_B4_224x224_nv12"), b4);
        MapperConfig b3 = init("EFFICIENTNET_B3_224X224_NV12").config();
        assertEquals(zooB2As("./efficientnet_b3.onnx", "EfficientNet_B3_224x224_nv12").without(ConfigKey.NODE_INFO), b3);
        assertEquals("dump_calibration_data", b3.get(ConfigKey.DEBUG_MODE));
    }

    @Test
    void everyZooModelHasATemplateThatValidates() {
        assertEquals(53, ZooTemplates.all().size(), "the zoo's 53 X5 classification .bin files");
        for (ModelTemplate t : ZooTemplates.all()) {
            MapperConfig c = ConfigInitializer.fromTemplate(t, InitOptions.defaults(dir)).config();
            List<Diagnostic> ds = ConfigValidator.validate(c, ValidationOptions.configOnly());
            assertEquals(List.of(), ds, t.stem());
            assertEquals(t, ZooTemplates.forStem(t.stem()).orElseThrow());
        }
    }

    @Test
    void familySettingsFollowTheZoo() {
        MapperConfig edge = init("edgenext_small").config();
        assertEquals("max", edge.calibrationType());
        assertEquals(0.999, edge.maxPercentile().orElseThrow());
        assertEquals(0.9995, init("efficientformerv2_s2").config().maxPercentile().orElseThrow());
        assertEquals(0.99999, init("efficientvit_m5").config().maxPercentile().orElseThrow());
        assertEquals("set_all_nodes_int16", init("efficientformerv2_s0").config().get(ConfigKey.OPTIMIZATION));
        assertFalse(init("efficientformerv2_s1").config().has(ConfigKey.OPTIMIZATION));
        assertEquals(64L, init("efficientformer_l3").config().get(ConfigKey.JOBS));
        assertEquals(32L, init("mobileone_s2").config().get(ConfigKey.JOBS));
        assertEquals("Quantize;Dequantize;Transpose;Cast;Reshape", init("repvgg_b1g2").config().get(ConfigKey.REMOVE_NODE_TYPE));
        assertEquals("default", init("resnext50_32x4d").config().calibrationType());
        assertFalse(init("EfficientNet_B2_224x224_nv12").config().has(ConfigKey.REMOVE_NODE_TYPE));
    }

    @Test
    void unknownZooNodeInfoAndMissingOnnxAreSaidNotInvented() {
        InitResult convnext = init("convnext_nano");
        assertFalse(convnext.config().has(ConfigKey.NODE_INFO));
        assertTrue(String.join("\n", convnext.notes()).contains("names are not known to rdkzoo"), convnext.notes().toString());
        assertTrue(String.join("\n", init("fasternet_t0").notes()).contains("node_info"));
        assertFalse(String.join("\n", init("fasternet_t1").notes()).contains("node_info"));
        InitResult googlenet = init("googlenet");
        String notes = String.join("\n", googlenet.notes());
        assertTrue(notes.contains("no hb_mapper config") && notes.contains("publishes no ONNX"), notes);
    }

    @Test
    void overridesReplaceTheZoosSettingsAndSaySo() {
        InitOptions o = InitOptions.defaults(dir).withCalibration("kl", null, true)
                .withInt16Nodes(List.of("/stages/stages.3/Conv"));
        InitResult r = ConfigInitializer.fromTemplate(template("EdgeNeXt_base_224x224_nv12"), o);
        MapperConfig c = r.config();
        assertEquals("kl", c.calibrationType());
        assertFalse(c.has(ConfigKey.MAX_PERCENTILE), "the zoo's max_percentile goes with its max calibration");
        assertTrue(c.perChannel());
        assertTrue(c.nodeInfo().get("/stages/stages.3/Conv").int16());
        String notes = String.join("\n", r.notes());
        assertTrue(notes.contains("calibration_type kl (zoo: max)") && notes.contains("max_percentile removed (zoo: 0.999)")
                && notes.contains("per_channel true (zoo: not set)"), notes);
    }

    @Test
    void pathsAreRelativeInsideTheConfigFolderAndAbsoluteOutside() {
        Path inside = dir.resolve("models/b2.onnx");
        Path outside = Path.of("/opt/models/b2.onnx");
        assertEquals("./models/b2.onnx", ConfigInitializer.path(inside, dir));
        assertEquals("/opt/models/b2.onnx", ConfigInitializer.path(outside, dir));
        MapperConfig c = ConfigInitializer.fromTemplate(template("EfficientNet_B2_224x224_nv12"),
                InitOptions.defaults(dir).withOnnx(outside).withCalDataDir(dir.resolve("cal"))).config();
        assertEquals("/opt/models/b2.onnx", c.get(ConfigKey.ONNX_MODEL));
        assertEquals("./cal", c.get(ConfigKey.CAL_DATA_DIR));
    }

    @Test
    void anyOnnxGetsItsInputFromTheModelAndTheX5Defaults() throws Exception {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("my_net.onnx"));
        InitResult r = ConfigInitializer.fromOnnx(onnx, OnnxModel.read(onnx), null, InitOptions.defaults(dir));
        MapperConfig c = r.config();
        assertEquals("./my_net.onnx", c.get(ConfigKey.ONNX_MODEL));
        assertEquals("data", c.get(ConfigKey.INPUT_NAME));
        assertEquals("1x3x224x224", c.get(ConfigKey.INPUT_SHAPE));
        assertEquals("NCHW", c.get(ConfigKey.INPUT_LAYOUT_TRAIN));
        assertEquals("rgb", c.get(ConfigKey.INPUT_TYPE_TRAIN));
        assertEquals("nv12", c.get(ConfigKey.INPUT_TYPE_RT));
        assertEquals("123.675 116.28 103.53", c.get(ConfigKey.MEAN_VALUE));
        assertEquals("default", c.calibrationType());
        assertEquals("O3", c.get(ConfigKey.OPTIMIZE_LEVEL));
        assertEquals("my_net_224x224_nv12", c.outputModelFilePrefix().orElseThrow());
        assertEquals("my_net_config.yaml", r.fileName());
    }

    @Test
    void oddSizesRunAsRgbAndTheLayoutIsRead() throws Exception {
        OnnxModel odd = new OnnxBuilder("g", 13).input("x", DataType.FLOAT, -1, 225, 225, 3).output("y", DataType.FLOAT, -1, 225, 225, 3)
                .node("Identity", "id", List.of("x"), List.of("y")).build();
        MapperConfig c = ConfigInitializer.fromOnnx(dir.resolve("odd.onnx"), odd, "odd", InitOptions.defaults(dir)).config();
        assertEquals("NHWC", c.get(ConfigKey.INPUT_LAYOUT_TRAIN));
        assertEquals("rgb", c.get(ConfigKey.INPUT_TYPE_RT));
        assertEquals("1x225x225x3", c.get(ConfigKey.INPUT_SHAPE));
        assertEquals(List.of(), ConfigValidator.validate(c, ValidationOptions.configOnly()));
    }

    @Test
    void modelsInitCannotDescribeAreRefusedWithTheReason() {
        OnnxModel two = new OnnxBuilder("g", 13).input("a", DataType.FLOAT, 1, 3, 8, 8).input("b", DataType.FLOAT, 1, 3, 8, 8)
                .output("y", DataType.FLOAT, 1, 3, 8, 8).node("Add", "add", List.of("a", "b"), List.of("y")).build();
        assertTrue(assertThrows(InitException.class, () -> ConfigInitializer.fromOnnx(dir.resolve("two.onnx"), two, null,
                InitOptions.defaults(dir))).getMessage().contains("2 inputs"));
        OnnxModel dynamic = new OnnxBuilder("g", 13).input("x", DataType.FLOAT, 1, 3, -1, -1).output("y", DataType.FLOAT, 1, 3, -1, -1)
                .node("Identity", "id", List.of("x"), List.of("y")).build();
        assertTrue(assertThrows(InitException.class, () -> ConfigInitializer.fromOnnx(dir.resolve("dyn.onnx"), dynamic, null,
                InitOptions.defaults(dir))).getMessage().contains("dynamic size"));
    }

    @Test
    void theWrittenConfigPassesValidationWithItsFilesInPlace() throws Exception {
        Path onnx = EfficientNetGraphs.write(EfficientNetGraphs.tiny(), dir.resolve("efficientnet_b2.onnx"));
        Path cal = Files.createDirectories(dir.resolve("calibration_data_rgb_f32"));
        for (int i = 0; i < 4; i++) {
            Files.write(cal.resolve("img" + i + ".rgb"), new byte[3 * 224 * 224 * 4]);
        }
        InitResult zoo = init("EfficientNet_B2_224x224_nv12");
        InitResult any = ConfigInitializer.fromOnnx(onnx, OnnxModel.read(onnx), "b2_any", InitOptions.defaults(dir));
        for (InitResult r : List.of(zoo, any)) {
            Path file = dir.resolve(r.fileName());
            MapperConfigWriter.write(r.config(), new MapperConfigWriter.Header(r.from(), Instant.EPOCH, r.notes()), file);
            assertEquals(List.of(), ConfigValidator.validateFile(file, ValidationOptions.defaults()), r.fileName());
            assertEquals(r.config(), MapperConfigReader.read(file));
        }
    }

    @Test
    void aRealUint8NhwcModelGetsNoPreprocessing() throws Exception {
        Path st = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"), "models/mobilenet_v2_1.0_224_int8_per_tensor.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(st), st + " not found: skipping the real uint8 model check");
        MapperConfig c = ConfigInitializer.fromOnnx(st, OnnxModel.read(st), null, InitOptions.defaults(dir)).config();
        assertEquals("NHWC", c.get(ConfigKey.INPUT_LAYOUT_TRAIN));
        assertEquals("no_preprocess", c.get(ConfigKey.NORM_TYPE));
        assertEquals("1x224x224x3", c.get(ConfigKey.INPUT_SHAPE));
        assertEquals("serving_default_input_1:0", c.get(ConfigKey.INPUT_NAME));
    }

    @Test
    void templatesAreFoundByTheirBinStemInAnyCase() {
        assertEquals("efficientnet_b2", ZooTemplates.forStem("efficientnet_b2_224x224_NV12").orElseThrow().id());
        assertTrue(ZooTemplates.forStem("efficientnet_b2").isEmpty(), "ids are the catalog's business");
        assertTrue(ZooTemplates.forStem("EfficientNet_B5_224x224_nv12").isEmpty());
    }
}
