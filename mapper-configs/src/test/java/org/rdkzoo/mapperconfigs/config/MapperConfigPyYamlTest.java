package org.rdkzoo.mapperconfigs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdkzoo.evaluator.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reader against PyYAML itself: pyyaml/golden.json holds what PyYAML 6.0.3 made of each document
 * in that folder (make_golden.py beside it says how it was produced), value by value and type by type.
 */
class MapperConfigPyYamlTest {

    @ParameterizedTest
    @ValueSource(strings = {"zoo_efficientnet_b2.yaml", "scalars.yaml", "structure.yaml"})
    void readsEachDocumentExactlyAsPyYamlDoes(String name) throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("pyyaml/golden.json")) {
            golden = Json.mapper().readTree(in).get("documents").get(name);
        }
        String text;
        try (InputStream in = getClass().getResourceAsStream("pyyaml/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MapperConfig c = MapperConfigReader.parse(text, null);
        List<String> differences = new ArrayList<>();
        compare(name, golden, c.document(), differences);
        assertEquals(List.of(), differences);
    }

    private static void compare(String path, JsonNode want, Object got, List<String> out) {
        String t = want.get("t").asText();
        JsonNode v = want.get("v");
        switch (t) {
            case "null" -> check(path, got == null, "None", got, out);
            case "bool" -> check(path, Boolean.valueOf(v.asBoolean()).equals(got), v.asText(), got, out);
            case "str" -> check(path, v.asText().equals(got), "'" + v.asText() + "'", got, out);
            case "int" -> check(path, (got instanceof Long || got instanceof BigInteger)
                    && new BigInteger(v.asText()).equals(new BigInteger(got.toString())), v.asText(), got, out);
            case "float" -> check(path, got instanceof Double d && sameFloat(v.asText(), d), v.asText(), got, out);
            case "date" -> check(path, got instanceof YamlTimestamp, "a date", got, out);
            case "list" -> {
                if (!(got instanceof List<?> l) || l.size() != v.size()) {
                    out.add(path + ": PyYAML has a list of " + v.size() + ", we have " + got);
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    compare(path + "[" + i + "]", v.get(i), l.get(i), out);
                }
            }
            case "map" -> {
                if (!(got instanceof Map<?, ?> m) || m.size() != v.size()) {
                    out.add(path + ": PyYAML has a mapping of " + v.size() + ", we have " + got);
                    return;
                }
                Iterator<? extends Map.Entry<?, ?>> ours = m.entrySet().iterator();
                for (JsonNode pair : v) {
                    Map.Entry<?, ?> e = ours.next();
                    check(path + " key", pair.get(0).asText().equals(e.getKey()), pair.get(0).asText(), e.getKey(), out);
                    compare(path + "." + pair.get(0).asText(), pair.get(1), e.getValue(), out);
                }
            }
            default -> out.add(path + ": unknown tag " + t);
        }
    }

    private static boolean sameFloat(String repr, double d) {
        return switch (repr) {
            case "inf" -> d == Double.POSITIVE_INFINITY;
            case "-inf" -> d == Double.NEGATIVE_INFINITY;
            case "nan" -> Double.isNaN(d);
            default -> Double.parseDouble(repr) == d;
        };
    }

    private static void check(String path, boolean ok, String want, Object got, List<String> out) {
        if (!ok) {
            out.add(path + ": PyYAML reads " + want + ", we read " + got + (got == null ? "" : " (" + got.getClass().getSimpleName() + ")"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoo_efficientnet_b2.yaml", "scalars.yaml", "structure.yaml"})
    void writingBackKeepsWhatPyYamlReads(String name) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("pyyaml/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MapperConfig c = MapperConfigReader.parse(text, null);
        String written = MapperConfigWriter.write(c, new MapperConfigWriter.Header("test", java.time.Instant.EPOCH, List.of()));
        MapperConfig back = MapperConfigReader.parse(written, null);
        // Double.equals holds for NaN, so the documents compare whole.
        assertEquals(c, back, written);
    }

    @Test
    void commandLineValuesAreTypedAsPyYamlTypesThemUnquoted() {
        assertEquals(Boolean.TRUE, MapperConfigReader.scalar("yes"));
        assertEquals(Boolean.FALSE, MapperConfigReader.scalar("False"));
        assertEquals(0.9999, MapperConfigReader.scalar("0.9999"));
        assertEquals(32L, MapperConfigReader.scalar("32"));
        assertEquals("1e-4", MapperConfigReader.scalar("1e-4"), "PyYAML 1.1 floats need a dot and a signed exponent");
        assertEquals("kl", MapperConfigReader.scalar("kl"));
        assertEquals(null, MapperConfigReader.scalar(""));
    }
}
