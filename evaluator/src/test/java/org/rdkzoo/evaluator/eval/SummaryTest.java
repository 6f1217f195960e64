package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        // 851 of 1300: the Wilson formula evaluated independently (Python, z = 1.95996) gives 0.628346..0.679973.
        List<Double> ci = Summary.wilson(851, 1300);
        assertEquals(0.628346, ci.get(0), 1e-6);
        assertEquals(0.679973, ci.get(1), 1e-6);
    }

    @Test
    void wilsonStaysInsideZeroAndOneAtTheExtremes() {
        List<Double> all = Summary.wilson(10, 10);
        assertEquals(1.0, all.get(1), 1e-12);
        assertTrue(all.get(0) > 0.69 && all.get(0) < 0.73, all.toString());
        assertEquals(0.0, Summary.wilson(0, 10).get(0), 1e-12);
        assertEquals(List.of(), Summary.wilson(0, 0));
    }
}
