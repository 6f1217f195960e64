package org.rdkzoo.downloader.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rdkzoo.downloader.catalog.CatalogReader.CatalogFile;

class CatalogSnapshotTest {
    /** Every kind of field a catalog file can hold, absent ones included. */
    private static final String YAML = """
            schema: 1
            base_url: https://example.com/zoo/
            defaults: {input: 224x224, classes: 1000, onnx_note: "from the zoo's \\"old\\" scripts"}
            models:
              - family: EfficientNet
                id: efficientnet_b2
                bin:
                  file: EfficientNet_B2_224x224_nv12.bin
                  sha256: 0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef
                  size: 12345678
                  urls: [http://mirror.lan/zoo/EfficientNet_B2_224x224_nv12.bin, https://other.example/b2.bin]
                  note: a note on the file
                onnx: EfficientNet_B2.onnx
                source: timm efficientnet_b2
                params_m: 9.10
                float_top1: 76.50
                quant_top1: 75.0
                latency_1t_ms: 12.5
                fps: 210.40
                notes: [first note, "second, with ünïcödé"]
              - family: ResNet
                bin: ResNet18_224x224_nv12.bin
                input: 256x192
                classes: 1001
                notes: one note
            """;

    private static CatalogFile parse(String yaml) {
        return CatalogReader.read("test catalog", new StringReader(yaml));
    }

    @Test
    void aSnapshotHoldsExactlyWhatTheYamlParsesTo() {
        CatalogFile parsed = parse(YAML);
        byte[] yaml = YAML.getBytes(StandardCharsets.UTF_8);
        CatalogFile read = CatalogSnapshot.readIfCurrent(CatalogSnapshot.write(parsed, yaml), yaml);
        assertEquals(parsed, read);
        // BigDecimal keeps the figures as printed (76.50, not 76.5).
        assertEquals("76.50", read.entries().get(0).figures().floatTop1().toString());
    }

    @Test
    void aSnapshotOfOtherYamlOrADamagedOneIsIgnored() {
        byte[] yaml = YAML.getBytes(StandardCharsets.UTF_8);
        byte[] snapshot = CatalogSnapshot.write(parse(YAML), yaml);
        byte[] edited = YAML.replace("76.50", "76.60").getBytes(StandardCharsets.UTF_8);
        assertNull(CatalogSnapshot.readIfCurrent(snapshot, edited), "same length, other content");
        assertNull(CatalogSnapshot.readIfCurrent(Arrays.copyOf(snapshot, snapshot.length / 2), yaml), "truncated");
        assertNull(CatalogSnapshot.readIfCurrent("not a snapshot".getBytes(StandardCharsets.UTF_8), yaml));
    }

    @Test
    void theBuildsSnapshotOfTheEmbeddedCatalogIsCurrentAndReadsAsItsYaml() throws Exception {
        byte[] yaml;
        byte[] snapshot;
        try (InputStream y = Catalog.class.getResourceAsStream(Catalog.EMBEDDED_RESOURCE);
                InputStream s = Catalog.class.getResourceAsStream(CatalogSnapshot.RESOURCE)) {
            assertNotNull(s, CatalogSnapshot.RESOURCE + " was not built (exec-maven-plugin, catalog-snapshot)");
            yaml = y.readAllBytes();
            snapshot = s.readAllBytes();
        }
        CatalogFile fromSnapshot = CatalogSnapshot.readIfCurrent(snapshot, yaml);
        assertNotNull(fromSnapshot, "the snapshot was made from another version of the YAML");
        assertEquals(Catalog.parseEmbedded(yaml), fromSnapshot);
        assertEquals(fromSnapshot, Catalog.readEmbedded());
    }
}
