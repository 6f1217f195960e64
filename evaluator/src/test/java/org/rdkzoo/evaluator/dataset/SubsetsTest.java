package org.rdkzoo.evaluator.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SubsetsTest {
    /** 3 classes: a with 6 images, b with 3, c with 1; ids sorted like a manifest. */
    private static List<ImageEntry> manifest() {
        List<ImageEntry> e = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            e.add(new ImageEntry("a" + i, 1, "0"));
        }
        for (int i = 0; i < 3; i++) {
            e.add(new ImageEntry("b" + i, 1, "1"));
        }
        e.add(new ImageEntry("c0", 1, "2"));
        return new Manifest(e).entries();
    }

    private static Map<String, Long> perClass(List<ImageEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(ImageEntry::label, Collectors.counting()));
    }

    @Test
    void aStratifiedSampleSpreadsEvenlyOverClasses() {
        assertEquals(Map.of("0", 1L, "1", 1L, "2", 1L), perClass(Subsets.stratified(manifest(), 3, 1)));
        assertEquals(Map.of("0", 2L, "1", 2L, "2", 1L), perClass(Subsets.stratified(manifest(), 5, 1)));
        // Class c runs out after one image; the others share the rest.
        assertEquals(Map.of("0", 4L, "1", 3L, "2", 1L), perClass(Subsets.stratified(manifest(), 8, 1)));
    }

    @Test
    void aSampleIsReproducibleAndKeepsManifestOrder() {
        List<ImageEntry> first = Subsets.stratified(manifest(), 5, 42);
        assertEquals(first, Subsets.stratified(manifest(), 5, 42));
        List<ImageEntry> inOrder = new ArrayList<>(first);
        inOrder.sort(java.util.Comparator.comparing(ImageEntry::id));
        assertEquals(inOrder, first);
    }

    @Test
    void anotherSeedPicksOtherImages() {
        Set<List<ImageEntry>> samples = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            samples.add(Subsets.stratified(manifest(), 4, seed));
        }
        assertTrue(samples.size() > 1, "ten seeds gave one sample");
    }

    @Test
    void aLimitAtLeastTheSizeTakesEverything() {
        assertEquals(manifest(), Subsets.stratified(manifest(), 10, 1));
        assertEquals(manifest(), Subsets.stratified(manifest(), 99, 1));
    }

    @Test
    void shardsAreDisjointCoverEverythingOnceAndDifferInSizeByAtMostOne() {
        List<ImageEntry> all = manifest();
        List<ImageEntry> union = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<ImageEntry> shard = Subsets.shard(all, i, 3);
            assertTrue(shard.size() == 3 || shard.size() == 4, "shard " + i + " has " + shard.size());
            union.addAll(shard);
        }
        assertEquals(all.size(), union.size());
        assertEquals(new HashSet<>(all), new HashSet<>(union));
        assertEquals(Subsets.shard(all, 2, 3), Subsets.shard(manifest(), 2, 3));
    }

    @Test
    void aShardOutOfRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subsets.shard(manifest(), 4, 3));
        assertEquals("shard must be I/N with 1 <= I <= N, was 4/3", e.getMessage());
        assertNotEquals(0, Subsets.shard(manifest(), 1, 1).size());
    }
}
