package org.rdkzoo.mapperconfigs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MapperConfigReaderTest {
    private static final Path FILE = Path.of("/cfg/EfficientNet_B2_config.yaml");

    private static MapperConfig parse(String yaml) throws ConfigFormatException {
        return MapperConfigReader.parse(yaml, FILE);
    }

    @Test
    void zooEfficientNetB2ConfigParsesAsPyYamlDoes() throws Exception {
        MapperConfig c = parse(ZooConfigs.efficientNetB2());
        Map<String, NodeSetting> nodes = c.nodeInfo();
        assertEquals(6, nodes.size(), "five lines per entry and a trailing comma: six entries");
        assertEquals(List.of("/blocks/blocks.5/blocks.5.0/conv_pwl/Conv", "/blocks/blocks.0/blocks.0.0/conv_dw/Conv",
                "/blocks/blocks.6/blocks.6.0/conv_pwl/Conv", "/blocks/blocks.6/blocks.6.0/se/Mul",
                "/blocks/blocks.6/blocks.6.0/se/ReduceMean", "/blocks/blocks.6/blocks.6.0/conv_dw/Conv"),
                List.copyOf(nodes.keySet()));
        nodes.values().forEach(s -> assertEquals(NodeSetting.int16OnBpu(), s));
        assertEquals(Boolean.FALSE, c.get(ConfigKey.LAYER_OUT_DUMP));
        assertEquals(Boolean.FALSE, c.get(ConfigKey.DEBUG));
        assertEquals("bayes-e", c.get(ConfigKey.MARCH));
        // Space-separated numbers are one string to PyYAML; hb_mapper splits it.
        assertEquals("123.675 116.28 103.53", c.get(ConfigKey.MEAN_VALUE));
        assertEquals(List.of(List.of(0.01712475, 0.017507, 0.01742919)),
                Values.numbersPerInput(c.get(ConfigKey.SCALE_VALUE)).orElseThrow());
        assertEquals("", c.get(ConfigKey.INPUT_NAME));
        assertEquals("", c.get(ConfigKey.INPUT_SHAPE));
        assertEquals("default", c.calibrationType());
        assertEquals("EfficientNet_224x224_nv12", c.workingDir());
        assertEquals(Path.of("/cfg/efficientnet_b2.onnx"), c.resolvedPath(ConfigKey.ONNX_MODEL, null).orElseThrow());
    }

    @Test
    void everyKeyAndValueKeepsItsLineAndColumn() throws Exception {
        MapperConfig c = parse(ZooConfigs.efficientNetB2());
        ConfigSource s = c.source();
        assertEquals(FILE, s.file());
        assertEquals(new Position(4, 1), s.key("model_parameters"));
        assertEquals(new Position(5, 3), s.key("model_parameters", "onnx_model"));
        assertEquals(new Position(5, 15), s.value("model_parameters", "onnx_model"));
        assertEquals(new Position(11, 5), s.key("model_parameters", "node_info", "/blocks/blocks.5/blocks.5.0/conv_pwl/Conv"));
        assertEquals(new Position(12, 7), s.key("model_parameters", "node_info", "/blocks/blocks.5/blocks.5.0/conv_pwl/Conv", "ON"));
        assertEquals(new Position(55, 3), s.key("calibration_parameters", "calibration_type"));
        assertEquals(Position.NONE, s.key("calibration_parameters", "max_percentile"));
    }

    @Test
    void yaml11ScalarsResolveAsPyYamlResolvesThem() throws Exception {
        MapperConfig c = parse("""
                calibration_parameters:
                  per_channel: yes
                  preprocess_on: off
                  run_on_cpu: 'yes'
                  max_percentile: 1e-4
                  cal_data_type: .5
                  calibration_type: 0.99995
                compiler_parameters:
                  jobs: 1_000
                  core_num: 010
                  max_time_per_fc: 0x1F
                  debug: 1:30
                  optimize_level: ~
                  compile_mode:
                  input_source: 2024-01-05
                """);
        assertEquals(Boolean.TRUE, c.get(ConfigKey.PER_CHANNEL));
        assertEquals(Boolean.FALSE, c.get(ConfigKey.PREPROCESS_ON));
        assertEquals("yes", c.get(ConfigKey.RUN_ON_CPU));
        // PyYAML needs a dot for a float: 1e-4 stays a string (SnakeYAML alone would read a float).
        assertEquals("1e-4", c.get(ConfigKey.MAX_PERCENTILE));
        assertEquals(0.5, c.get(ConfigKey.CAL_DATA_TYPE));
        assertEquals(0.99995, c.get(ConfigKey.CALIBRATION_TYPE));
        assertEquals(1000L, c.get(ConfigKey.JOBS));
        assertEquals(8L, c.get(ConfigKey.CORE_NUM), "a leading zero is octal in YAML 1.1");
        assertEquals(31L, c.get(ConfigKey.MAX_TIME_PER_FC));
        assertEquals(90L, c.get(ConfigKey.DEBUG), "base 60");
        assertNull(c.get(ConfigKey.OPTIMIZE_LEVEL));
        assertTrue(c.has(ConfigKey.COMPILE_MODE));
        assertNull(c.get(ConfigKey.COMPILE_MODE));
        assertEquals(new YamlTimestamp("2024-01-05"), c.get(ConfigKey.INPUT_SOURCE));
    }

    @Test
    void flowMappingsAcceptATrailingComma() throws Exception {
        MapperConfig c = parse("compiler_parameters:\n  input_source: {'data': 'ddr', }\n");
        assertEquals(Map.of("data", "ddr"), c.inputSource());
    }

    @Test
    void nodeInfoShortFormNamesTheNodes() throws Exception {
        MapperConfig c = parse("model_parameters:\n  node_info: 'conv1:int16; /a/b/Conv:int16'\n");
        assertEquals(List.of("conv1", "/a/b/Conv"), List.copyOf(c.nodeInfo().keySet()));
        assertTrue(c.nodeInfo().get("conv1").int16());
    }

    @Test
    void aDuplicateKeyKeepsTheLastValueAndIsRemembered() throws Exception {
        MapperConfig c = parse("calibration_parameters:\n  calibration_type: kl\n  calibration_type: max\n");
        assertEquals("max", c.calibrationType());
        assertEquals(new Position(2, 3), c.source().duplicates().get(List.of("calibration_parameters", "calibration_type")));
        assertEquals(new Position(3, 3), c.source().key("calibration_parameters", "calibration_type"));
    }

    @Test
    void mergeKeysWorkAsInPyYaml() throws Exception {
        MapperConfig c = parse("""
                base: &b {compile_mode: latency, optimize_level: O2}
                compiler_parameters:
                  <<: *b
                  optimize_level: O3
                """);
        assertEquals("latency", c.get(ConfigKey.COMPILE_MODE));
        assertEquals("O3", c.get(ConfigKey.OPTIMIZE_LEVEL));
    }

    @Test
    void aTagNamingAJavaClassIsRefused() {
        ConfigFormatException e = assertThrows(ConfigFormatException.class, () -> parse("""
                model_parameters:
                  onnx_model: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1/x.jar"]]]]
                """));
        assertTrue(e.getMessage().startsWith(FILE + ":2:15: tag !!javax.script.ScriptEngineManager is not allowed"), e.getMessage());
        assertEquals(new Position(2, 15), e.position());
    }

    @Test
    void localAndGlobalTagsAreRefused() {
        assertThrows(ConfigFormatException.class, () -> parse("model_parameters:\n  march: !custom bayes-e\n"));
        ConfigFormatException global = assertThrows(ConfigFormatException.class,
                () -> parse("model_parameters:\n  march: !<tag:example.com,2000:app/foo> bayes-e\n"));
        assertTrue(global.getMessage().contains("tag"), global.getMessage());
        assertThrows(ConfigFormatException.class, () -> parse("model_parameters:\n  march: !!binary aGVsbG8=\n"));
    }

    @Test
    void anAliasBombIsRefusedBeforeItExpands() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        ConfigFormatException e = assertThrows(ConfigFormatException.class, () -> parse(bomb.toString()));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void fewAliasesThatStillExpandHugelyAreRefused() {
        // 2 aliases per level stays under the alias limit, but 2^18 values would be built.
        StringBuilder s = new StringBuilder("l0: &l0 [x, y]\n");
        for (int i = 1; i <= 18; i++) {
            s.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        ConfigFormatException e = assertThrows(ConfigFormatException.class, () -> parse(s.toString()));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void unreadableDocumentsAreReportedWithTheirPosition() {
        ConfigFormatException syntax = assertThrows(ConfigFormatException.class,
                () -> parse("model_parameters:\n  march: 'bayes-e\n"));
        assertTrue(syntax.getMessage().startsWith(FILE.toString() + ":"), syntax.getMessage());
        assertTrue(syntax.position().known());
        assertTrue(assertThrows(ConfigFormatException.class, () -> parse("")).getMessage().contains("empty"));
        ConfigFormatException list = assertThrows(ConfigFormatException.class, () -> parse("- a\n- b\n"));
        assertTrue(list.getMessage().contains("expected a mapping of sections"), list.getMessage());
        assertTrue(assertThrows(ConfigFormatException.class, () -> parse("a: =\n")).getMessage().contains("quote"));
    }

    @Test
    void aBinaryFileIsNotTakenForAConfig(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = java.nio.file.Files.write(dir.resolve("model.onnx"), new byte[] {0x08, 0x07, (byte) 0xff, (byte) 0xfe, 0x12});
        ConfigFormatException e = assertThrows(ConfigFormatException.class, () -> MapperConfigReader.read(model));
        assertTrue(e.getMessage().startsWith(model + ": not UTF-8 text"), e.getMessage());
    }

    @Test
    void keysThatAreNotStringsReadAsPythonPrintsThem() throws Exception {
        MapperConfig c = parse("model_parameters:\n  on: x\n  2: y\n  1: z\n");
        // As in a Python dict, True and 1 are one key: it keeps its first spelling and takes the last value.
        assertEquals(Map.of("True", "z", "2", "y"), c.section(Section.MODEL_PARAMETERS).orElseThrow());
        assertFalse(c.has(ConfigKey.ONNX_MODEL));
    }
}
