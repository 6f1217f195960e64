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
        for (int y = 0; y < h; y++) {
            lumaRow(bgr, y * w * 3, out, y * w, w);
            if ((y & 1) == 0) {
                chromaRow(bgr, y * w * 3, out, w * h + (y >> 1) * w, w);
            }
        }
        return out;
    }

    // One method per row, so that the loops compile early instead of waiting for on-stack replacement.

    private static void lumaRow(byte[] bgr, int s, byte[] out, int d, int w) {
        for (int x = 0; x < w; x++) {
            int b = bgr[s + 3 * x] & 0xff;
            int g = bgr[s + 3 * x + 1] & 0xff;
            int r = bgr[s + 3 * x + 2] & 0xff;
            out[d + x] = clamp((CRY * r + CGY * g + CBY * b + HALF + (16 << SHIFT)) >> SHIFT);
        }
    }

    /** U and V of each 2x2 block, from its top-left pixel. */
    private static void chromaRow(byte[] bgr, int s, byte[] out, int d, int w) {
        for (int x = 0; x < w; x += 2) {
            int b = bgr[s + 3 * x] & 0xff;
            int g = bgr[s + 3 * x + 1] & 0xff;
            int r = bgr[s + 3 * x + 2] & 0xff;
            out[d + x] = clamp((CRU * r + CGU * g + CBU * b + HALF + (128 << SHIFT)) >> SHIFT);
            out[d + x + 1] = clamp((CBU * r + CGV * g + CBV * b + HALF + (128 << SHIFT)) >> SHIFT);
        }
    }

    /** NV12 back to interleaved BGR, chroma repeated over each 2x2 block. */
    static byte[] toBgr(byte[] nv12, int w, int h) {
        requireEven(w, h);
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            bgrRow(nv12, y * w, w * h + (y >> 1) * w, out, y * w * 3, w);
        }
        return out;
    }

    private static void bgrRow(byte[] nv12, int yRow, int uvRow, byte[] out, int d, int w) {
        for (int x = 0; x < w; x++) {
            int u = (nv12[uvRow + (x & ~1)] & 0xff) - 128;
            int v = (nv12[uvRow + (x & ~1) + 1] & 0xff) - 128;
            int yy = Math.max(0, (nv12[yRow + x] & 0xff) - 16) * CY;
            out[d + 3 * x] = clamp((yy + HALF + CUB * u) >> SHIFT);
            out[d + 3 * x + 1] = clamp((yy + HALF + CVG * v + CUG * u) >> SHIFT);
            out[d + 3 * x + 2] = clamp((yy + HALF + CVR * v) >> SHIFT);
        }
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
