package org.rdkzoo.downloader.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** "Did you mean" candidates for a mistyped name: close by edit distance, or containing what was typed. */
public final class Suggestions {
    private static final int MAX = 5;

    private Suggestions() {
    }

    /**
     * The candidates closest to {@code typed} (case-insensitive), best first: those within an edit
     * distance that grows with the length of the name, then those that contain it.
     */
    public static List<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, t.length() / 3);
        record Scored(String candidate, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d <= budget) {
                near.add(new Scored(c, d));
            }
        }
        near.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate));
        Set<String> out = new LinkedHashSet<>();
        near.forEach(s -> out.add(s.candidate()));
        if (t.length() >= 3) {
            candidates.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).contains(t))
                    .sorted()
                    .forEach(out::add);
        }
        return out.stream().limit(MAX).toList();
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
