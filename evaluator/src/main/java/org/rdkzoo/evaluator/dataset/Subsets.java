package org.rdkzoo.evaluator.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic subsets of a manifest: a class-stratified sample ({@code --limit}) and disjoint shards
 * ({@code --shard}). Both return entries in manifest (id) order.
 *
 * <p><b>Stratified sample.</b> Every image and every class gets a pseudo-random rank from the seed and its
 * id (SplitMix64 over the seed and the id's {@link String#hashCode()}, ties broken by id). Round r takes, in
 * class-rank order, the class's r-th ranked image, until {@code limit} images are taken: every class is
 * represented as evenly as the limit allows (N/K or N/K+1 images each), classes run out gracefully, and which
 * images a class contributes does not depend on the other classes. The same seed and manifest always give
 * the same sample, on any machine.
 *
 * <p><b>Shards.</b> Shard i of n (1-based) holds the entries at manifest positions p with {@code p mod n = i-1}:
 * the n shards are disjoint, cover the list exactly once, differ in size by at most one, and each sees every
 * part of the dataset. A limit and a shard combine as "sample, then shard the sample".
 */
public final class Subsets {
    /** The seed used when none is given, so that two runs with the same {@code --limit} agree. */
    public static final long DEFAULT_SEED = 2012;

    private Subsets() {
    }

    /** A class-stratified sample of {@code limit} entries (all of them when the limit is not smaller). */
    public static List<ImageEntry> stratified(List<ImageEntry> entries, int limit, long seed) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        if (limit >= entries.size()) {
            return List.copyOf(entries);
        }
        Map<String, List<ImageEntry>> byClass = new LinkedHashMap<>();
        for (ImageEntry e : entries) {
            byClass.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        }
        List<List<ImageEntry>> classes = new ArrayList<>();
        byClass.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<ImageEntry>> c) -> rank(seed, c.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(c -> {
                    List<ImageEntry> images = new ArrayList<>(c.getValue());
                    images.sort(Comparator.comparingLong((ImageEntry e) -> rank(seed, e.id()))
                            .thenComparing(ImageEntry::id));
                    classes.add(images);
                });
        Map<String, ImageEntry> taken = new HashMap<>();
        for (int round = 0; taken.size() < limit; round++) {
            for (List<ImageEntry> images : classes) {
                if (round < images.size()) {
                    ImageEntry e = images.get(round);
                    taken.put(e.id(), e);
                    if (taken.size() == limit) {
                        break;
                    }
                }
            }
        }
        List<ImageEntry> result = new ArrayList<>();
        for (ImageEntry e : entries) {
            if (taken.containsKey(e.id())) {
                result.add(e);
            }
        }
        return result;
    }

    /** Shard {@code index} of {@code count} (1-based): the entries at positions {@code index-1}, {@code index-1+count}, .... */
    public static List<ImageEntry> shard(List<ImageEntry> entries, int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, was " + index + "/" + count);
        }
        List<ImageEntry> result = new ArrayList<>(entries.size() / count + 1);
        for (int p = index - 1; p < entries.size(); p += count) {
            result.add(entries.get(p));
        }
        return result;
    }

    /** SplitMix64 of the seed and a string's hash: a rank that is fixed by the Java language, not by a JVM. */
    static long rank(long seed, String key) {
        long z = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
