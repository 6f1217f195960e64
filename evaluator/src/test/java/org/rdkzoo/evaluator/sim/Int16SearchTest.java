package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class Int16SearchTest {
    private static final List<String> RANKING = List.of("a", "b", "c", "d", "e", "f", "g", "h");

    @Test
    void findsTheShortestPrefixByDoublingThenBisecting() throws Exception {
        // Each of a, b, c takes one point off a 4-point drop; the rest do nothing.
        Int16Search.Probe probe = nodes -> 4.0 - nodes.stream().filter(Set.of("a", "b", "c")::contains).count();
        Int16Search.Result r = Int16Search.search(RANKING, 1.0, 8, probe, SimProgress.NONE);
        assertTrue(r.reached());
        assertEquals(List.of("a", "b", "c"), r.nodes());
        assertEquals(1.0, r.drop(), 0);
        // 0 nodes, 1, 2, 4 (passes), then 3 between 2 (failed) and 4.
        assertEquals(List.of(0, 1, 2, 4, 3), r.steps().stream().map(Int16Search.Step::nodes).toList());
    }

    @Test
    void anAlreadyGoodModelNeedsNoNode() throws Exception {
        Int16Search.Result r = Int16Search.search(RANKING, 1.0, 8, nodes -> 0.4, SimProgress.NONE);
        assertTrue(r.reached());
        assertEquals(List.of(), r.nodes());
        assertEquals(1, r.steps().size());
    }

    @Test
    void anUnreachableBudgetReturnsTheBestSetTriedWithinTheLimit() throws Exception {
        // The drop falls to 2 with a and b, then rises again as the later nodes are added.
        Int16Search.Probe probe = nodes -> nodes.size() <= 2 ? 4.0 - nodes.size() : 2.0 + 0.1 * nodes.size();
        Int16Search.Result r = Int16Search.search(RANKING, 1.0, 5, probe, SimProgress.NONE);
        assertFalse(r.reached());
        assertEquals(List.of("a", "b"), r.nodes());
        assertEquals(2.0, r.drop(), 0);
        assertEquals(List.of(0, 1, 2, 4, 5), r.steps().stream().map(Int16Search.Step::nodes).toList(),
                "doubling stops at the limit");
    }

    @Test
    void aDropExactlyOnTheBudgetMeetsItDespiteFloatingPoint() throws Exception {
        // 192 then 189 of 300 images right: 100 * (0.64 - 0.63) is 1.0000000000000009, one image is 0.33 points.
        double drop = 100 * (192 / 300.0 - 189 / 300.0);
        assertTrue(drop > 1.0, "the arithmetic this test is about");
        Int16Search.Result r = Int16Search.search(RANKING, 1.0, 8, nodes -> nodes.isEmpty() ? 3.0 : drop,
                SimProgress.NONE);
        assertTrue(r.reached());
        assertEquals(List.of("a"), r.nodes());
        assertFalse(Int16Search.within(100 * (193 / 300.0 - 189 / 300.0), 1.0), "one image more is over");
    }
}
