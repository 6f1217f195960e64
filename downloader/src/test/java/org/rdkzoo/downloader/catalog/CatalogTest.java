package org.rdkzoo.downloader.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final String BASE = "https://archive.d-robotics.cc/downloads/rdk_model_zoo/rdk_x5/";
    private final Catalog catalog = Catalog.embedded();

    @Test
    void embeddedCatalogHas53BinFilesIn20Families() {
        List<CatalogEntry> entries = catalog.entries();
        assertEquals(53, entries.stream().filter(e -> e.bin() != null).count());
        assertEquals(53, entries.stream().map(e -> e.bin().file()).distinct().count());
        assertEquals(20, catalog.families().size());
        Map<String, Long> perFamily = entries.stream()
                .collect(Collectors.groupingBy(CatalogEntry::family, TreeMap::new, Collectors.counting()));
        assertEquals(Map.ofEntries(Map.entry("ConvNeXt", 4L), Map.entry("EdgeNeXt", 4L),
                Map.entry("EfficientFormer", 2L), Map.entry("EfficientFormerV2", 3L), Map.entry("EfficientNet", 3L),
                Map.entry("EfficientViT_MSRA", 1L), Map.entry("FastViT", 4L), Map.entry("FasterNet", 4L),
                Map.entry("GoogLeNet", 1L), Map.entry("MobileNetV1", 1L), Map.entry("MobileNetV2", 1L),
                Map.entry("MobileNetV3", 1L), Map.entry("MobileNetV4", 2L), Map.entry("MobileOne", 5L),
                Map.entry("RepGhost", 5L), Map.entry("RepVGG", 6L), Map.entry("RepViT", 3L), Map.entry("ResNeXt", 1L),
                Map.entry("ResNet", 1L), Map.entry("VargConvNet", 1L)), perFamily);
    }

    @Test
    void everyBinIsA224Nv12FileUnderTheArchiveWithAllSixFigures() {
        for (CatalogEntry e : catalog.entries()) {
            assertTrue(e.bin().file().endsWith("_224x224_nv12.bin"), e.bin().file());
            assertEquals(List.of(URI.create(BASE + e.bin().file())), e.bin().urls());
            assertEquals("224x224", e.inputSize());
            assertEquals(1000, e.classes());
            PublishedFigures f = e.figures();
            for (BigDecimal v : new BigDecimal[] {f.paramsM(), f.floatTop1(), f.quantTop1(), f.latency1tMs(),
                    f.latencyMtMs(), f.fps()}) {
                assertTrue(v != null && v.signum() > 0, e.id() + " lacks a figure: " + f);
            }
            assertTrue(f.latency1tMs().compareTo(f.latencyMtMs()) < 0, e.id() + ": 1-thread latency >= multi-thread");
            // No artifact is pinned: the zoo publishes no checksums.
            e.artifacts().forEach(a -> assertNull(a.sha256(), a.file()));
        }
    }

    @Test
    void onnxNamesExistExceptForTheFiveModelsTheZooShipsWithoutOne() {
        Set<String> withoutOnnx = catalog.entries().stream().filter(e -> e.onnx() == null).map(CatalogEntry::id)
                .collect(Collectors.toSet());
        assertEquals(Set.of("googlenet", "mobilenetv1", "mobilenetv2", "resnet18", "vargconvnet"), withoutOnnx);
        assertEquals("efficientnet_b2.onnx", catalog.resolve("efficientnet_b2").onnx().file());
        assertEquals("mobilenetv3_large_100.onnx", catalog.resolve("MobileNetV3").onnx().file());
        assertEquals("RepVGG_B1g4_224x224_nv12.onnx", catalog.resolve("repvgg_b1g4").onnx().file());
        assertEquals(URI.create(BASE + "repghostnet_130.onnx"), catalog.resolve("repghost_130").onnx().urls().get(0));
        assertTrue(catalog.resolve("efficientnet_b2").onnx().note().contains("unverified"));
    }

    @Test
    void figuresFollowTheColumnOrderOfEachTableRow() {
        // "Efficientnet_B4 / B3 / B2" columns, as the EfficientNet README also prints them.
        assertFigures("efficientnet_b4", "19.27", "74.25", "71.75", "5.44", "18.63", "212.75");
        assertFigures("efficientnet_b3", "12.19", "76.22", "74.05", "3.96", "12.76", "310.30");
        assertFigures("efficientnet_b2", "9.07", "76.50", "73.25", "3.31", "10.51", "376.77");
        // Rows listed from the largest model down.
        assertFigures("mobileone_s0", "2.15", "69.25", "67.58", "0.80", "1.59", "2453.17");
        assertFigures("mobileone_s4", "14.82", "78.75", "76.50", "4.58", "15.44", "256.52");
        assertFigures("repvgg_a0", "8.30", "72.41", "51.75", "1.85", "5.21", "757.73");
        assertFigures("repvgg_b1g2", "41.36", "77.78", "68.25", "9.77", "36.19", "109.61");
        assertFigures("convnext_atto", "3.69", "73.25", "69.75", "1.96", "5.39", "732.10");
        assertFigures("efficientformer_l1", "12.3", "76.12", "65.38", "5.88", "20.69", "191.605");
        assertFigures("fastvit_s12", "8.86", "76.50", "72.0", "5.86", "20.45", "193.87");
        assertFigures("repghost_111", "4.54", "72.75", "71.25", "1.71", "4.47", "881.19");
        assertFigures("mobilenetv2", "3.44", "72.0", "68.17", "1.42", "3.43", "1152.07");
    }

    private void assertFigures(String id, String params, String fl, String q, String l1, String lm, String fps) {
        PublishedFigures f = catalog.resolve(id).figures();
        assertEquals(List.of(params, fl, q, l1, lm, fps), List.of(f.paramsM().toString(), f.floatTop1().toString(),
                f.quantTop1().toString(), f.latency1tMs().toString(), f.latencyMtMs().toString(), f.fps().toString()),
                id);
    }

    @Test
    void sourceIsRecordedOnlyWhereTheZooStatesIt() {
        assertTrue(catalog.resolve("efficientnet_b3").source().startsWith("timm efficientnet_b3"));
        assertTrue(catalog.resolve("resnet18").source().contains("Horizon reference"));
        assertNull(catalog.resolve("fasternet_s").source());
    }

    @Test
    void namesResolveCaseInsensitivelyByIdStemAndFileName() {
        CatalogEntry b3 = catalog.resolve("efficientnet_b3");
        assertEquals("EfficientNet_B3_224x224_nv12", b3.stem());
        assertEquals("EfficientNet_B3", b3.name());
        assertEquals("EfficientNet", b3.family());
        for (String name : List.of("EfficientNet_B3_224x224_nv12", "EFFICIENTNET_B3", "efficientnet_b3_224x224_nv12",
                "EfficientNet_B3_224x224_nv12.bin", "efficientnet_b3.onnx", " efficientnet_b3 ")) {
            assertEquals(b3, catalog.resolve(name), name);
        }
        assertEquals("efficientvit_m5", catalog.resolve("efficientvit_m5_224x224_nv12.bin").id());
        assertEquals("mobilenetv3", catalog.resolve("mobilenetv3_large_100").id());
    }

    @Test
    void unknownNameSuggestsTheClosestIds() {
        UnknownModelException e = assertThrows(UnknownModelException.class, () -> catalog.resolve("efficentnet_b3"));
        assertEquals("efficientnet_b3", e.suggestions().get(0));
        assertTrue(e.getMessage().startsWith("unknown model 'efficentnet_b3'; did you mean efficientnet_b3"),
                e.getMessage());

        UnknownModelException typoInStem = assertThrows(UnknownModelException.class,
                () -> catalog.resolve("EficientNet_B2_224x224_nv12"));
        assertEquals("efficientnet_b2", typoInStem.suggestions().get(0));

        assertTrue(assertThrows(UnknownModelException.class, () -> catalog.resolve("zzzzzzzz")).suggestions().isEmpty());
    }

    @Test
    void aFamilyNameUsedAsAModelListsItsMembers() {
        UnknownModelException e = assertThrows(UnknownModelException.class, () -> catalog.resolve("efficientnet"));
        assertEquals(List.of("efficientnet_b2", "efficientnet_b3", "efficientnet_b4"), e.suggestions());
        assertTrue(e.getMessage().contains("--family EfficientNet"), e.getMessage());
    }

    @Test
    void familiesMatchCaseInsensitivelyAndUnknownOnesGetSuggestions() {
        assertEquals(6, catalog.family("repvgg").size());
        UnknownModelException e = assertThrows(UnknownModelException.class, () -> catalog.family("MobileNetV5"));
        assertTrue(e.suggestions().contains("MobileNetV4"), e.suggestions().toString());
        assertTrue(e.getMessage().startsWith("unknown family 'MobileNetV5'"), e.getMessage());
    }

    @Test
    void everyIdIsDistinctAndLowerCase() {
        List<String> ids = catalog.entries().stream().map(CatalogEntry::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size());
        ids.forEach(id -> assertEquals(id.toLowerCase(java.util.Locale.ROOT), id));
        assertFalse(ids.contains(""));
    }
}
