package org.rdkzoo.evaluator.image;

/**
 * BGR to NV12 and back with OpenCV's BT.601 integer arithmetic ({@code color_yuv.simd.hpp}), bit-exact
 * with {@code cv2.cvtColor(bgr, COLOR_BGR2YUV_I420)} (whose U and V planes are then interleaved, as the
 * zoo's {@code bgr_to_nv12_planes} does) and {@code cv2.cvtColor(nv12, COLOR_YUV2BGR_NV12)}.
 *
 * <p>Both directions use video range (Y 16..235). Going down, each 2x2 block takes its chroma from its
 * top-left pixel only (OpenCV does not average). Coming back, each chroma sample is repeated over its
 * 2x2 block (nearest neighbour), which is also what the toolchain's {@code NV12ToYUV444Transformer}
 * and the BPU's NV12 input do before the colour conversion.
 */
final class Nv12 {
    private static final int SHIFT = 20;
    private static final int HALF = 1 << (SHIFT - 1);

    private static final int CRY = 269484;
    private static final int CGY = 528482;
    private static final int CBY = 102760;
    private static final int CRU = -155188;
    private static final int CGU = -305135;
    private static final int CBU = 460324;
    private static final int CGV = -385875;
    private static final int CBV = -74448;

    private static final int CY = 1220542;
    private static final int CUB = 2116026;
    private static final int CUG = -409993;
    private static final int CVG = -852492;
    private static final int CVR = 1673527;

    private Nv12() {
    }

    /** {@code w * h * 3 / 2} bytes: the Y plane, then rows of interleaved U, V. */
    static byte[] fromBgr(byte[] bgr, int w, int h) {
        requireEven(w, h);
        byte[] out = new byte[w * h * 3 / 2];
        int uvBase = w * h;
        for (int y = 0; y < h; y++) {
            int s = y * w * 3;
            int yRow = y * w;
            boolean evenRow = (y & 1) == 0;
            int uvRow = uvBase + (y >> 1) * w;
            for (int x = 0; x < w; x++, s += 3) {
                int b = bgr[s] & 0xff;
                int g = bgr[s + 1] & 0xff;
                int r = bgr[s + 2] & 0xff;
                out[yRow + x] = clamp((CRY * r + CGY * g + CBY * b + HALF + (16 << SHIFT)) >> SHIFT);
                if (evenRow && (x & 1) == 0) {
                    out[uvRow + x] = clamp((CRU * r + CGU * g + CBU * b + HALF + (128 << SHIFT)) >> SHIFT);
                    out[uvRow + x + 1] = clamp((CBU * r + CGV * g + CBV * b + HALF + (128 << SHIFT)) >> SHIFT);
                }
            }
        }
        return out;
    }

    /** NV12 back to interleaved BGR, chroma repeated over each 2x2 block. */
    static byte[] toBgr(byte[] nv12, int w, int h) {
        requireEven(w, h);
        byte[] out = new byte[w * h * 3];
        int uvBase = w * h;
        for (int y = 0; y < h; y++) {
            int uvRow = uvBase + (y >> 1) * w;
            int d = y * w * 3;
            for (int x = 0; x < w; x++, d += 3) {
                int u = (nv12[uvRow + (x & ~1)] & 0xff) - 128;
                int v = (nv12[uvRow + (x & ~1) + 1] & 0xff) - 128;
                int yy = Math.max(0, (nv12[y * w + x] & 0xff) - 16) * CY;
                out[d] = clamp((yy + HALF + CUB * u) >> SHIFT);
                out[d + 1] = clamp((yy + HALF + CVG * v + CUG * u) >> SHIFT);
                out[d + 2] = clamp((yy + HALF + CVR * v) >> SHIFT);
            }
        }
        return out;
    }

    private static void requireEven(int w, int h) {
        if ((w & 1) != 0 || (h & 1) != 0) {
            throw new IllegalArgumentException("NV12 needs an even width and height, got " + w + "x" + h);
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
