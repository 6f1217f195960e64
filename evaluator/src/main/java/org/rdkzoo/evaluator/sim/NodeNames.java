package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "Did you mean" for node names given by hand or copied from a config. */
final class NodeNames {
    private NodeNames() {
    }

    /** {@code " (did you mean a, b?)"} with up to three near names, or an empty string. */
    static String suggestion(String wanted, Collection<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 8);
        List<Map.Entry<String, Integer>> near = new ArrayList<>();
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            int d = l.contains(w) ? 0 : distance(l, w);
            if (d <= limit) {
                near.add(Map.entry(n, d));
            }
        }
        near.sort(Map.Entry.comparingByValue());
        List<String> best = near.stream().limit(3).map(Map.Entry::getKey).toList();
        return best.isEmpty() ? "" : " (did you mean " + String.join(", ", best) + "?)";
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 8) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
