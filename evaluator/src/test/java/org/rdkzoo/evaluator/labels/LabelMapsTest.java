package org.rdkzoo.evaluator.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.testing.Assets;

class LabelMapsTest {
    @TempDir
    Path dir;

    @Test
    void synsetWordsGiveWnidsAndFullNames() throws IOException {
        Path f = Files.writeString(dir.resolve("synset_words.txt"),
                "n01440764 tench, Tinca tinca\nn01443537 goldfish, Carassius auratus\n");
        LabelMap m = LabelMaps.read(f);
        assertEquals(List.of("n01440764", "n01443537"), m.wnids());
        assertEquals("tench, Tinca tinca", m.name(0));
        assertEquals("tench", m.shortName(0));
        assertEquals(0, m.impliedOffset());
        assertEquals(Sha256.of(f), m.sha256());
        assertEquals(f.toString(), m.source());
    }

    @Test
    void kerasClassIndexJsonIsReadInIndexOrder() throws IOException {
        Path f = Files.writeString(dir.resolve("imagenet_class_index.json"),
                "{\"1\": [\"n01443537\", \"goldfish\"], \"0\": [\"n01440764\", \"tench\"]}");
        LabelMap m = LabelMaps.read(f);
        assertEquals(List.of("n01440764", "n01443537"), m.wnids());
        assertEquals(List.of("tench", "goldfish"), m.names());
    }

    @Test
    void theZoosJsonArrayOfNamesIsReadWithoutWnids() throws IOException {
        Path f = Files.writeString(dir.resolve("ImageNet_1k.json"), "[\"tench, Tinca tinca\", \"goldfish\"]");
        LabelMap m = LabelMaps.read(f);
        assertEquals(List.of(), m.wnids());
        assertEquals(2, m.size());
        assertEquals("tench", m.shortName(0));
    }

    @Test
    void aLeadingBackgroundLineIsDroppedAndImpliesOffsetOne() throws IOException {
        Path f = Files.writeString(dir.resolve("labels_1001.txt"), "background\ntench\ngoldfish");
        LabelMap m = LabelMaps.read(f);
        assertEquals(List.of("tench", "goldfish"), m.names());
        assertEquals(1, m.impliedOffset());
    }

    @Test
    void aBlankLineInsideANameListIsRefusedWithItsLineNumber() throws IOException {
        Path f = Files.writeString(dir.resolve("names.txt"), "tench\n\ngoldfish\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelMaps.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: blank line"), e.getMessage());
    }

    @Test
    void aGroundTruthFileGivenAsLabelsPointsToTheRightOption() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "ILSVRC2012_val_00000001.JPEG 65\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelMaps.read(f));
        assertTrue(e.getMessage().contains("pass it with --ground-truth"), e.getMessage());
    }

    @Test
    void aDuplicateWnidIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("s.txt"), "n01440764 tench\nn01440764 tench again\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelMaps.read(f));
        assertTrue(e.getMessage().contains("n01440764 appears twice (class 0 and class 1)"), e.getMessage());
    }

    @Test
    void aClassIndexObjectWithAGapNamesTheMissingKey() throws IOException {
        Path f = Files.writeString(dir.resolve("c.json"), "{\"0\": [\"n01440764\", \"tench\"], \"2\": [\"n01443537\", \"g\"]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelMaps.read(f));
        assertTrue(e.getMessage().contains("key \"1\" is missing"), e.getMessage());
    }

    @Test
    void theBuiltInMapHasTheThousandSortedImagenetClasses() {
        LabelMap m = LabelMaps.imagenet();
        assertEquals(1000, m.size());
        assertEquals("n01440764", m.wnids().get(0));
        assertEquals("tench", m.name(0));
        assertEquals("n15075141", m.wnids().get(999));
        assertEquals("toilet tissue", m.name(999));
        List<String> sorted = new ArrayList<>(m.wnids());
        sorted.sort(null);
        assertEquals(sorted, m.wnids());
        assertNull(m.sha256());
        assertEquals(LabelMaps.BUILTIN, m.source());
    }

    @Test
    void theBuiltInMapIsTheFirstSynonymOfEverySynsetWordsLine() throws IOException {
        LabelMap words = LabelMaps.read(Assets.labels("synset_words.txt"));
        LabelMap builtin = LabelMaps.imagenet();
        assertEquals(words.wnids(), builtin.wnids());
        for (int i = 0; i < words.size(); i++) {
            assertEquals(words.shortName(i), builtin.name(i), "class " + i);
        }
    }

    @Test
    void everyShippedAssetLabelFileReads() throws IOException {
        assertEquals(1000, LabelMaps.read(Assets.labels("imagenet_class_index.json")).size());
        assertEquals(LabelMaps.imagenet().wnids(), LabelMaps.read(Assets.labels("imagenet_class_index.json")).wnids());
        LabelMap st = LabelMaps.read(Assets.labels("labels_imagenet_2012_st.txt"));
        assertEquals(1000, st.size());
        assertEquals(0, st.impliedOffset());
        LabelMap st1001 = LabelMaps.read(Assets.labels("labels_imagenet_1001_st.txt"));
        assertEquals(1000, st1001.size());
        assertEquals(1, st1001.impliedOffset());
        assertEquals("tench", st1001.name(0));
    }
}
