package org.rdkzoo.mapperconfigs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.provenance.RdkzooVersion;

class MapperConfigWriterTest {
    private static final MapperConfigWriter.Header HEADER =
            new MapperConfigWriter.Header("a test", Instant.parse("2026-01-02T03:04:05Z"), List.of("note one", "note two"));

    private static MapperConfig roundTrip(MapperConfig c) throws Exception {
        return MapperConfigReader.parse(MapperConfigWriter.write(c, HEADER), null);
    }

    @Test
    void theZooConfigReadsBackTheSameAfterWriting() throws Exception {
        MapperConfig zoo = MapperConfigReader.parse(ZooConfigs.efficientNetB2(), null);
        String text = MapperConfigWriter.write(zoo, HEADER);
        assertEquals(zoo, MapperConfigReader.parse(text, null));
        assertTrue(text.startsWith("# hb_mapper config for the RDK X5 (march bayes-e).\n# Written by rdkzoo "
                + RdkzooVersion.get() + " on 2026-01-02T03:04:05Z from a test.\n# note one\n# note two\nmodel_parameters:\n"), text);
        assertTrue(text.contains("""
                  node_info: {
                    "/blocks/blocks.5/blocks.5.0/conv_pwl/Conv": {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'},
                """), text);
        assertTrue(text.contains("  layer_out_dump: False\n"), text);
        assertTrue(text.contains("  mean_value: '123.675 116.28 103.53'\n"), text);
    }

    @Test
    void sectionsAndKeysComeOutInTheConventionalOrder() throws Exception {
        MapperConfig c = MapperConfigReader.parse("""
                extra_section: {a: 1}
                compiler_parameters: {optimize_level: O3, compile_mode: latency}
                model_parameters: {my_key: 1, output_model_file_prefix: p, march: bayes-e, onnx_model: m.onnx}
                """, null);
        String text = MapperConfigWriter.write(c, HEADER);
        String body = text.substring(text.indexOf("model_parameters"));
        assertEquals("""
                model_parameters:
                  onnx_model: 'm.onnx'
                  march: 'bayes-e'
                  output_model_file_prefix: 'p'
                  my_key: 1
                compiler_parameters:
                  compile_mode: 'latency'
                  optimize_level: 'O3'
                extra_section:
                  a: 1
                """, body);
        assertEquals(c, roundTrip(c));
    }

    @Test
    void valuesThatLookLikeOtherTypesKeepTheirType() throws Exception {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("s_true", "True");
        odd.put("s_yes", "yes");
        odd.put("s_float", "1.0");
        odd.put("s_exp", "1e-4");
        odd.put("s_null", "null");
        odd.put("s_empty", "");
        odd.put("s_quote", "it's \"x\"");
        odd.put("s_multiline", "line one\nline two\ttab");
        odd.put("s_colon", "a: b # not a comment");
        odd.put("f_small", 1e-5);
        odd.put("f_big", 1e20);
        odd.put("f_nan", Double.NaN);
        odd.put("f_neg_inf", Double.NEGATIVE_INFINITY);
        odd.put("i_big", new BigInteger("123456789012345678901234567890"));
        odd.put("b", Boolean.TRUE);
        odd.put("n", null);
        odd.put("list", List.of("a", 1L, 2.5));
        odd.put("map", Map.of("k", "v"));
        odd.put("date", new YamlTimestamp("2024-01-05"));
        MapperConfig c = MapperConfig.empty().with(ConfigKey.CUSTOM_OP_DIR, "x");
        for (Map.Entry<String, Object> e : odd.entrySet()) {
            c = MapperConfig.of(put(c.document(), "custom_op", e.getKey(), e.getValue()), ConfigSource.NONE);
        }
        MapperConfig back = roundTrip(c);
        assertEquals(c, back);
        assertEquals(1e-5, back.section(Section.CUSTOM_OP).orElseThrow().get("f_small"));
        assertTrue(Double.isNaN((Double) back.section(Section.CUSTOM_OP).orElseThrow().get("f_nan")));
    }

    @Test
    void aConfigChangedInCodeWritesAndReadsBack() throws Exception {
        MapperConfig zoo = MapperConfigReader.parse(ZooConfigs.efficientNetB2(), null);
        MapperConfig changed = zoo.withCalibrationType("max").withMaxPercentile(0.99995).withPerChannel(true)
                .withInt16Nodes(List.of("/conv_head/Conv")).without(ConfigKey.DEBUG_MODE);
        MapperConfig back = roundTrip(changed);
        assertEquals(changed, back);
        assertEquals("max", back.calibrationType());
        assertEquals(0.99995, back.maxPercentile().orElseThrow());
        assertTrue(back.perChannel());
        assertEquals(7, back.nodeInfo().size());
        assertTrue(back.nodeInfo().get("/conv_head/Conv").int16());
        assertTrue(back.get(ConfigKey.DEBUG_MODE) == null && !back.has(ConfigKey.DEBUG_MODE));
        // The positions of unchanged keys survive the change.
        assertEquals(zoo.source(), changed.source());
        MapperConfig noNodes = changed.withNodeInfo(Map.of());
        assertTrue(!noNodes.has(ConfigKey.NODE_INFO));
    }

    @Test
    void writingToAFileIsAtomicAndReadable(@TempDir Path dir) throws Exception {
        MapperConfig zoo = MapperConfigReader.parse(ZooConfigs.efficientNetB2(), null);
        Path file = dir.resolve("sub/config.yaml");
        MapperConfigWriter.write(zoo, HEADER, file);
        assertEquals(zoo, MapperConfigReader.read(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    private static Map<String, Object> put(Map<String, Object> doc, String section, String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) d.getOrDefault(section, Map.of()));
        s.put(key, value);
        d.put(section, s);
        return d;
    }

    @Test
    void theBodyIsTheTextBelowTheHeaderAndTheSameForTheSameConfigInAnotherLayout() throws Exception {
        MapperConfig a = MapperConfigReader.parse("""
                calibration_parameters: {per_channel: yes, calibration_type: "kl"}
                model_parameters: {march: bayes-e, onnx_model: m.onnx}
                """, null);
        MapperConfig b = MapperConfigReader.parse("""
                model_parameters:
                  onnx_model: 'm.onnx'
                  march: "bayes-e"
                calibration_parameters:
                  calibration_type: kl
                  per_channel: True
                """, null);
        assertEquals(MapperConfigWriter.body(a), MapperConfigWriter.body(b));
        String text = MapperConfigWriter.write(a, HEADER);
        assertTrue(text.endsWith(MapperConfigWriter.body(a)), text);
        assertEquals(text.replaceFirst("(?s)^(#[^\\n]*\\n)+", ""), MapperConfigWriter.body(a));
    }

    @Test
    void flattenNamesEveryValueByItsPathWithEachNodeOfNodeInfoApart() throws Exception {
        MapperConfig c = MapperConfigReader.parse("""
                model_parameters:
                  node_info: {"/a/Conv": {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'}}
                calibration_parameters: {per_channel: True, max_percentile: 0.99995, calibration_type: max}
                """, null);
        assertEquals(Map.of("model_parameters.node_info./a/Conv", "InputType=int16, ON=BPU, OutputType=int16",
                "calibration_parameters.per_channel", "True", "calibration_parameters.max_percentile", "0.99995",
                "calibration_parameters.calibration_type", "max"), c.flatten());
    }
}
