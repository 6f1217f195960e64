package org.rdkzoo.runtime;

import java.util.Arrays;

/** Dense NV12 test images. */
final class Nv12 {
    private Nv12() {
    }

    /** A flat NV12 image: every Y sample {@code y}, every U {@code u}, every V {@code v}. */
    static byte[] flat(int height, int width, int y, int u, int v) {
        byte[] nv12 = new byte[height * width * 3 / 2];
        Arrays.fill(nv12, 0, height * width, (byte) y);
        for (int i = height * width; i < nv12.length; i += 2) {
            nv12[i] = (byte) u;
            nv12[i + 1] = (byte) v;
        }
        return nv12;
    }

    /** What the stand-in's {@code scores} compute gives for N outputs: {@code -|i - (t mod N)|}. */
    static float[] scores(int t, int n) {
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = -Math.abs(i - t % n);
        }
        return expected;
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
