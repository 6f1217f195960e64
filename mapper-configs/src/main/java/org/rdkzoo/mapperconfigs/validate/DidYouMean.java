package org.rdkzoo.mapperconfigs.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The closest known name to a misspelt one, by edit distance (typos, not guesses). */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The candidate nearest to {@code wanted}, if it is near enough: at most a quarter of the name's
     * length in edits (at least 2), so {@code calibation_type} finds {@code calibration_type} and a long
     * node path may differ by a few characters. Nothing is suggested when two names are equally near.
     */
    public static Optional<String> suggest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 4);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            if (Math.abs(c.length() - wanted.length()) > limit) {
                continue;
            }
            int d = distance(w, c.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !c.equals(best)) {
                tie = true;
            }
        }
        // Two names equally near: either would be a guess.
        return bestDistance <= limit && !tie && !wanted.equals(best) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping past {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return Integer.MAX_VALUE;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
