package org.rdkzoo.downloader.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCatalogTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void overridePinsChecksumAndPutsItsUrlsBeforeTheArchive() throws IOException {
        Path user = write("pins.yaml", """
                models:
                  - id: EfficientNet_B2_224x224_nv12
                    bin:
                      sha256: %s
                      size: 12345
                      urls: [http://mirror.lan/zoo/EfficientNet_B2_224x224_nv12.bin]
                    quant_top1: 73.40
                    notes: re-measured on our board
                """.formatted(SHA.toUpperCase()));
        Catalog c = Catalog.load(List.of(user));
        CatalogEntry e = c.resolve("efficientnet_b2");
        assertEquals(SHA, e.bin().sha256());
        assertEquals(12345L, e.bin().size());
        assertEquals(List.of(URI.create("http://mirror.lan/zoo/EfficientNet_B2_224x224_nv12.bin"),
                URI.create("https://archive.d-robotics.cc/downloads/rdk_model_zoo/rdk_x5/EfficientNet_B2_224x224_nv12.bin")),
                e.bin().urls());
        assertEquals("73.40", e.figures().quantTop1().toString());
        assertEquals("76.50", e.figures().floatTop1().toString(), "fields not given are inherited");
        assertEquals("efficientnet_b2.onnx", e.onnx().file());
        assertEquals(List.of("re-measured on our board"), e.notes());
        assertEquals(53, c.entries().size());
        assertTrue(e.origin().endsWith("pins.yaml:2"), e.origin());
    }

    @Test
    void newEntryIsAddedWithTheFileDefaults() throws IOException {
        Path user = write("mine.yaml", """
                base_url: http://127.0.0.1:8080/models
                defaults: {input: 256x192, classes: 10}
                models:
                  - family: Custom
                    bin: {file: tiny_256x192_nv12.bin, size: 4096}
                    onnx: tiny.onnx
                    float_top1: 91.5
                """);
        Catalog c = Catalog.load(List.of(user));
        CatalogEntry e = c.resolve("TINY");
        assertEquals("tiny", e.id());
        assertEquals("256x192", e.inputSize());
        assertEquals(10, e.classes());
        assertEquals(URI.create("http://127.0.0.1:8080/models/tiny_256x192_nv12.bin"), e.bin().urls().get(0));
        assertEquals(URI.create("http://127.0.0.1:8080/models/tiny.onnx"), e.onnx().urls().get(0));
        assertEquals(List.of("Custom"), c.families().subList(20, 21));
        assertEquals(null, e.figures().quantTop1());
    }

    @Test
    void laterCatalogsWin() throws IOException {
        Path first = write("a.yaml", "models:\n  - {id: resnet18, fps: 1}\n");
        Path second = write("b.yaml", "models:\n  - {id: resnet18, fps: 2}\n");
        assertEquals("2", Catalog.load(List.of(first, second)).resolve("resnet18").figures().fps().toString());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        Path bad = write("bad.yaml", "models:\n  - id: resnet18\n    fps: [1, 2\n");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(List.of(bad)));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + ":" + e.line() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void unknownFieldIsReportedWithItsLineAndTheFieldsExpected() throws IOException {
        Path bad = write("typo.yaml", "models:\n  - id: resnet18\n    flot_top1: 70\n");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(List.of(bad)));
        assertEquals(3, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("unknown field 'flot_top1'"), e.getMessage());
        assertTrue(e.getMessage().contains("float_top1"), e.getMessage());
    }

    @Test
    void badValuesAreReportedWithTheFieldAndWhatWasFound() throws IOException {
        assertProblem("models:\n  - id: resnet18\n    bin: {sha256: 1234}\n", 3, "bin.sha256 must be 64 hexadecimal digits, found '1234'");
        assertProblem("models:\n  - id: resnet18\n    fps: fast\n", 3, "fps must be a number, found 'fast'");
        assertProblem("models:\n  - id: resnet18\n    bin: {size: -5}\n", 3, "bin.size must be a positive number of bytes");
        assertProblem("models:\n  - id: resnet18\n    input: 224\n", 3, "input must be WIDTHxHEIGHT");
        assertProblem("models:\n  - id: resnet18\n    bin: {urls: [ftp://x/y.bin]}\n", 3, "must be an http:// or https:// URL");
        assertProblem("models:\n  - {family: X, bin: x.bin, input: 1x1, classes: 2}\n", 2, "no URL for x.bin");
        assertProblem("models:\n  - {bin: {file: x.bin, urls: [http://h/x.bin]}, input: 1x1, classes: 2}\n", 2,
                "a new entry needs family");
        assertProblem("models:\n  - {family: X, bin: ../x.bin}\n", 2, "must be a plain file name");
        assertProblem("models:\n  - {id: resnet18, fps: 1, fps: 2}\n", 2, "field 'fps' appears twice");
        assertProblem("schema: 2\nmodels: []\n", 1, "unsupported catalog schema 2");
        assertProblem("base_url: http://h/\n", 1, "missing 'models:'");
    }

    private void assertProblem(String yaml, int line, String expected) throws IOException {
        Path bad = write("bad.yaml", yaml);
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(List.of(bad)), yaml);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + ":" + line), e.getMessage());
    }

    @Test
    void yamlTagsNeverInstantiateClasses() throws IOException {
        Path hostile = write("tag.yaml", """
                models:
                  - id: resnet18
                    source: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
                """);
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(List.of(hostile)));
        // SnakeYAML 2 refuses global tags while composing, before anything could be constructed.
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Global tag is not allowed"), e.getMessage());
    }

    @Test
    void missingCatalogFileIsAClearError() {
        Path missing = dir.resolve("nope.yaml");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(List.of(missing)));
        assertEquals(missing + ": no such catalog file", e.getMessage());
    }
}
