package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistancesTest {
    @Test
    void theFourFiguresOfOneSampleByHand() {
        Distances d = new Distances();
        d.add(new float[] {1, 0, 2, -1}, new float[] {1, 1, 2, -3});
        // differences 0, 1, 0, -2: L1 = 3/4, L2 = sqrt(5)/4, Chebyshev 2;
        // cosine = (1 + 0 + 4 + 3) / (sqrt(6) * sqrt(15)).
        assertEquals(8 / (Math.sqrt(6) * Math.sqrt(15)), d.cosine(), 1e-12);
        assertEquals(0.75, d.l1(), 1e-12);
        assertEquals(Math.sqrt(5) / 4, d.l2(), 1e-12);
        assertEquals(2, d.chebyshev(), 0);
    }

    @Test
    void samplesAverageExceptChebyshevWhichTakesTheLargest() {
        Distances d = new Distances();
        d.add(new float[] {1, 0}, new float[] {1, 0}); // identical
        d.add(new float[] {1, 0}, new float[] {0, 1}); // orthogonal, differences 1 and 1
        assertEquals(0.5, d.cosine(), 1e-12);
        assertEquals(0.5, d.l1(), 1e-12);
        assertEquals(Math.sqrt(2) / 2 / 2, d.l2(), 1e-12);
        assertEquals(1, d.chebyshev(), 0);
        assertEquals(2, d.samples());
    }

    @Test
    void zeroTensorsAreIdenticalToEachOtherAndUnlikeAnythingElse() {
        Distances same = new Distances();
        same.add(new float[3], new float[3]);
        assertEquals(1, same.cosine(), 0);
        Distances one = new Distances();
        one.add(new float[3], new float[] {0, 1, 0});
        assertEquals(0, one.cosine(), 0);
    }
}
