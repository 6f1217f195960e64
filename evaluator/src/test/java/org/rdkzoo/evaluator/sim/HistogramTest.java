package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void theFirstValuesSetTheRangeAndMagnitudesFillTheBins() {
        Histogram h = new Histogram();
        h.add(new float[] {0f, -4096f, 1.5f, -1.5f, 3.99f});
        assertEquals(1.0, h.binWidth(), 0);
        assertEquals(5, h.count());
        assertEquals(1, h.zeros());
        assertEquals(0, h.bin(0), "zeros are counted apart");
        assertEquals(2, h.bin(1), "|1.5| and |-1.5|");
        assertEquals(1, h.bin(3));
        assertEquals(1, h.bin(Histogram.BINS - 1), "the range's end falls in the last bin");
        assertEquals(-4096, h.min(), 0);
        assertEquals(3.99, h.max(), 1e-6);
        assertEquals(4096, h.absMax(), 0);
    }

    @Test
    void aLargerValueDoublesTheRangeMergingBinsInPairs() {
        Histogram h = new Histogram();
        h.add(new float[] {4096f, 0.5f, 1.5f, 2.5f, 3.5f});
        long[] before = h.bins();
        h.add(new float[] {10000f}); // needs two doublings: range 16384, bins of 4
        assertEquals(4.0, h.binWidth(), 0);
        long[] expected = new long[Histogram.BINS];
        expected[0] = before[0] + before[1] + before[2] + before[3]; // 0.5, 1.5, 2.5, 3.5
        expected[1023] = 1; // 4096 sat in the last bin (the range's end is kept in it), which merges into 1023
        expected[2500] = 1; // 10000 / 4
        assertArrayEquals(expected, h.bins());
        assertEquals(6, h.count());
    }

    @Test
    void spreadingSharesEachBinsCountByOverlap() {
        Histogram h = new Histogram();
        h.add(new float[] {4096f}); // bins of width 1
        h.add(new float[] {0.5f, 1.5f, 1.5f, 2.5f});
        // Three coarse bins of width 0.75 over [0, 2.25): fine bin [1, 2) holds 2, split 0.5/0.75 into coarse bin 1
        // and 0.25/0.75 into coarse bin 2; fine bin [0, 1) holds 1, split 0.75 and 0.25; beyond the range, the last.
        double[] coarse = h.spread(3, 2.25);
        assertEquals(0.75, coarse[0], 1e-12);
        assertEquals(0.25 + 2 * (0.5 / 1), coarse[1], 1e-12);
        assertEquals(2 * 0.5 + 1 + 1, coarse[2], 1e-12, "the rest of [1, 2), then 2.5 and 4096 beyond the range");
    }

    @Test
    void allZerosKeepNoRangeAndReadAsZero() {
        Histogram h = new Histogram();
        h.add(new float[8]);
        assertEquals(0, h.binWidth(), 0);
        assertEquals(8, h.zeros());
        assertEquals(8, h.count());
        assertEquals(0, h.absMax(), 0);
        assertEquals(0, Thresholds.kl(h), 0);
        assertEquals(0, Thresholds.percentile(h, 0.99), 0);
    }

    @Test
    void nonFiniteValuesAreCountedApart() {
        Histogram h = new Histogram();
        h.add(FloatBuffer.wrap(new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY, -2f}));
        assertEquals(2, h.count());
        assertEquals(2, h.nonFinite());
        assertEquals(2, h.absMax(), 0);
    }
}
