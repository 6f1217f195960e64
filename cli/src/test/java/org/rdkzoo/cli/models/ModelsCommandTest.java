package org.rdkzoo.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;

class ModelsCommandTest {
    @TempDir
    Path home;

    @Test
    void tableListsAll53ModelsWithTheZooColumnsOnStdout() {
        CliRunner.Result r = new CliRunner(home).run("models");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(54, lines.size());
        assertTrue(lines.get(0).matches("Family +Model +Size +Classes +Params\\(M\\) +Float Top-1 +Quant Top-1 +"
                + "Latency 1T\\(ms\\) +Latency MT\\(ms\\) +FPS +Cached"), lines.get(0));
        String b4 = lines.stream().filter(l -> l.contains("EfficientNet_B4")).findFirst().orElseThrow();
        assertTrue(b4.matches("EfficientNet +EfficientNet_B4 +224x224 +1000 +19.27 +74.25 +71.75 +5.44 +18.63 +212.75 +-"),
                b4);
        assertEquals("", r.err());
    }

    @Test
    void familyFilterIsCaseInsensitive() {
        CliRunner.Result r = new CliRunner(home).run("models", "--family", "mobileone");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertEquals(6, r.out().lines().count());
    }

    @Test
    void unknownFamilyIsAUsageErrorWithSuggestions() {
        CliRunner.Result r = new CliRunner(home).run("models", "--family", "EfficentNet");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown family 'EfficentNet'; did you mean EfficientNet"), r.err());
    }

    @Test
    void jsonCarriesEveryFieldAsNumbersAndTheCacheState() throws Exception {
        CliRunner.Result r = new CliRunner(home).run("models", "--format", "json", "--family", "RepVGG");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode all = Json.mapper().readTree(r.out());
        assertEquals(6, all.size());
        JsonNode a0 = all.get(0);
        assertEquals("repvgg_a0", a0.get("id").asText());
        assertEquals("RepVGG_A0_224x224_nv12", a0.get("stem").asText());
        assertEquals(51.75, a0.get("published").get("quant_top1").asDouble());
        assertEquals("RepVGG_A0_224x224_nv12.onnx", a0.get("onnx").get("file").asText());
        assertEquals("https://archive.d-robotics.cc/downloads/rdk_model_zoo/rdk_x5/RepVGG_A0_224x224_nv12.bin",
                a0.get("bin").get("urls").get(0).asText());
        assertEquals("-", a0.get("cached").asText());
    }

    @Test
    void csvHasAHeaderAndOneRowPerModel() {
        CliRunner.Result r = new CliRunner(home).run("models", "--format", "csv");
        List<String> lines = r.out().lines().toList();
        assertEquals("family,id,model,size,classes,params_m,float_top1,quant_top1,latency_1t_ms,latency_mt_ms,fps,"
                + "cached,bin,onnx", lines.get(0));
        assertEquals(54, lines.size());
        assertTrue(lines.contains("GoogLeNet,googlenet,googlenet,224x224,1000,6.81,68.72,67.71,2.19,6.30,626.27,-,"
                + "googlenet_224x224_nv12.bin,"), String.join("\n", lines));
    }

    @Test
    void aUserCatalogAddsRowsAndAMalformedOneIsReportedWithItsLine() throws Exception {
        Path mine = Files.writeString(home.resolve("mine.yaml"), """
                base_url: http://127.0.0.1:1/
                models:
                  - {family: Custom, bin: m_224x224_nv12.bin, input: 224x224, classes: 10, fps: 99}
                """);
        CliRunner.Result r = new CliRunner(home).run("models", "--catalog", mine.toString(), "--family", "custom");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().matches("Custom +m +224x224 +10 +99 +-"), r.out());

        Path bad = Files.writeString(home.resolve("bad.yaml"), "models:\n  - {id: resnet18, fsp: 1}\n");
        CliRunner.Result e = new CliRunner(home).env("RDKZOO_CATALOG", bad.toString()).run("models");
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.err().contains("rdkzoo: error: " + bad + ":2:"), e.err());
        assertTrue(e.err().contains("unknown field 'fsp'"), e.err());
    }
}
