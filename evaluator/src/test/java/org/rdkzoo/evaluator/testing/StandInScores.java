package org.rdkzoo.evaluator.testing;

/**
 * What the libdnn stand-in's {@code scores} compute makes of an NV12 input (see {@code libdnn_standin.c}):
 * with mY, mU, mV the rounded means of the Y, U and V samples, {@code t = mY + 2 mU + 3 mV}, and output element
 * {@code i} of {@code n} is {@code -|i - t mod n|}, so the top-1 class is {@code t mod n}.
 */
public final class StandInScores {
    private StandInScores() {
    }

    /** {@code t} of an NV12 image of {@code height x width}. */
    public static long t(byte[] nv12, int height, int width) {
        int plane = height * width;
        long y = 0;
        for (int i = 0; i < plane; i++) {
            y += nv12[i] & 0xff;
        }
        long u = 0;
        long v = 0;
        int chroma = plane / 4;
        for (int i = plane; i < plane + 2 * chroma; i += 2) {
            u += nv12[i] & 0xff;
            v += nv12[i + 1] & 0xff;
        }
        return Math.round((double) y / plane) + 2 * Math.round((double) u / chroma)
                + 3 * Math.round((double) v / chroma);
    }

    /** The class the stand-in ranks first for this NV12 image among {@code classes}. */
    public static int top1(byte[] nv12, int height, int width, int classes) {
        return (int) (t(nv12, height, width) % classes);
    }

    /** The stand-in's scores for {@code t} over {@code n} classes. */
    public static float[] scores(long t, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = -Math.abs(i - t % n);
        }
        return s;
    }
}
