package org.rdkzoo.evaluator.image;

/**
 * {@code cv2.resize(img, (dw, dh), interpolation=cv2.INTER_LINEAR)} on 8-bit, 3-channel images, bit for
 * bit as OpenCV 4.6 computes it on x86-64 (SSE2 baseline, no IPP, as Debian and the pip wheels build it).
 *
 * <p>What OpenCV does, and this class reproduces:
 * <ul>
 *   <li>Same size: a copy.</li>
 *   <li>An exact 2x downscale in both directions ({@code |1/inv_scale - 2| < DBL_EPSILON}) is handed to
 *       the fast INTER_AREA path: the rounded mean {@code (a + b + c + d + 2) >> 2} of each 2x2 block.</li>
 *   <li>Otherwise the source position of output pixel {@code d} is {@code fx = (float)((d + 0.5) * scale - 0.5)}
 *       with {@code scale = 1 / (dst / src)} in double, {@code sx = floor(fx)}; the weights are
 *       {@code cvRound((1 - fx) * 2048)} and {@code cvRound(fx * 2048)} (INTER_RESIZE_COEF_BITS = 11,
 *       round half to even). Columns left of 0 or at/after the last pixel are clamped with weights
 *       (2048, 0); rows are clamped but keep their weights.</li>
 *   <li>The horizontal pass is exact integer arithmetic: {@code S[sx] * a0 + S[sx + 1] * a1}.</li>
 *   <li>The vertical pass ({@code VResizeLinear} specialised for 8 bits, its SIMD part and its scalar
 *       tail alike) first drops 4 bits, then keeps the high half of each 16-bit product:
 *       {@code (((S0 >> 4) * b0 >> 16) + ((S1 >> 4) * b1 >> 16) + 2) >> 2}. This is not the same as the
 *       exact {@code (S0 * b0 + S1 * b1 + (1 << 21)) >> 22}: the two differ by one on a few percent of
 *       pixels, which is why a "textbook" fixed-point bilinear does not match OpenCV.</li>
 * </ul>
 * Any window of the output can be computed alone (a centre crop needs only its own pixels): each output
 * pixel depends only on its coordinates.
 */
final class LinearResize {
    private static final int COEF_BITS = 11;
    private static final float COEF_SCALE = 1 << COEF_BITS;
    private static final double DBL_EPSILON = Math.ulp(1.0);
    private static final int CHANNELS = 3;

    private LinearResize() {
    }

    /** The whole resized image. */
    static byte[] resize(byte[] src, int sw, int sh, int dw, int dh) {
        byte[] dst = new byte[dw * dh * CHANNELS];
        resize(src, sw, sh, dw, dh, 0, 0, dw, dh, dst, 0, dw * CHANNELS);
        return dst;
    }

    /**
     * Computes the window {@code [x0, x0 + ww) x [y0, y0 + wh)} of {@code src} (sw x sh) resized to
     * dw x dh, and writes it to {@code dst} starting at {@code dstOffset}, rows {@code dstStride} bytes apart.
     */
    static void resize(byte[] src, int sw, int sh, int dw, int dh, int x0, int y0, int ww, int wh,
            byte[] dst, int dstOffset, int dstStride) {
        if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + sw + "x" + sh + " -> " + dw + "x" + dh);
        }
        if (x0 < 0 || y0 < 0 || x0 + ww > dw || y0 + wh > dh) {
            throw new IllegalArgumentException("window " + ww + "x" + wh + " at " + x0 + "," + y0
                    + " is outside " + dw + "x" + dh);
        }
        if (sw == dw && sh == dh) {
            for (int y = 0; y < wh; y++) {
                System.arraycopy(src, ((y0 + y) * sw + x0) * CHANNELS, dst, dstOffset + y * dstStride, ww * CHANNELS);
            }
            return;
        }
        double scaleX = 1.0 / ((double) dw / sw);
        double scaleY = 1.0 / ((double) dh / sh);
        double iscaleX = Math.rint(scaleX);
        double iscaleY = Math.rint(scaleY);
        boolean areaFast = Math.abs(scaleX - iscaleX) < DBL_EPSILON && Math.abs(scaleY - iscaleY) < DBL_EPSILON;
        if (areaFast && iscaleX == 2 && iscaleY == 2) {
            halve(src, sw, x0, y0, ww, wh, dst, dstOffset, dstStride);
        } else {
            bilinear(src, sw, sh, dw, scaleX, scaleY, x0, y0, ww, wh, dst, dstOffset, dstStride);
        }
    }

    /** OpenCV's fast INTER_AREA for an exact 2x reduction. */
    private static void halve(byte[] src, int sw, int x0, int y0, int ww, int wh, byte[] dst, int dstOffset,
            int dstStride) {
        int rowBytes = sw * CHANNELS;
        for (int y = 0; y < wh; y++) {
            int top = 2 * (y0 + y) * rowBytes;
            halveRow(src, top + 2 * x0 * CHANNELS, top + rowBytes + 2 * x0 * CHANNELS, ww, dst, dstOffset + y * dstStride);
        }
    }

    private static void halveRow(byte[] src, int top, int bottom, int ww, byte[] dst, int d) {
        for (int x = 0; x < ww; x++) {
            int s = 2 * x * CHANNELS;
            for (int c = 0; c < CHANNELS; c++) {
                int sum = (src[top + s + c] & 0xff) + (src[top + s + CHANNELS + c] & 0xff)
                        + (src[bottom + s + c] & 0xff) + (src[bottom + s + CHANNELS + c] & 0xff);
                dst[d + x * CHANNELS + c] = (byte) ((sum + 2) >> 2);
            }
        }
    }

    private static void bilinear(byte[] src, int sw, int sh, int dw, double scaleX, double scaleY, int x0, int y0,
            int ww, int wh, byte[] dst, int dstOffset, int dstStride) {
        int n = ww * CHANNELS;
        // Horizontal coefficients for each output pixel of the window (the channels share them).
        int[] first = new int[ww];
        int[] second = new int[ww];
        int[] alpha0 = new int[ww];
        int[] alpha1 = new int[ww];
        for (int x = 0; x < ww; x++) {
            int dx = x0 + x;
            float fx = (float) ((dx + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(fx);
            fx -= sx;
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx >= sw - 1) {
                fx = 0;
                sx = sw - 1;
            }
            first[x] = sx * CHANNELS;
            second[x] = Math.min(sx + 1, sw - 1) * CHANNELS;
            alpha0[x] = round((1.0f - fx) * COEF_SCALE);
            alpha1[x] = round(fx * COEF_SCALE);
        }
        int[][] rows = {new int[n], new int[n]};
        int[] rowOf = {-1, -1};
        for (int y = 0; y < wh; y++) {
            int dy = y0 + y;
            float fy = (float) ((dy + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(fy);
            fy -= sy;
            int b0 = round((1.0f - fy) * COEF_SCALE);
            int b1 = round(fy * COEF_SCALE);
            int r0 = clip(sy, sh);
            int r1 = clip(sy + 1, sh);
            // Horizontally resized rows are kept for the next output row, as OpenCV does.
            int k0 = rowOf[0] == r0 ? 0 : rowOf[1] == r0 ? 1 : -1;
            int k1 = rowOf[0] == r1 ? 0 : rowOf[1] == r1 ? 1 : -1;
            if (k0 < 0) {
                k0 = k1 == 0 ? 1 : 0;
                horizontal(src, r0 * sw * CHANNELS, first, second, alpha0, alpha1, rows[k0]);
                rowOf[k0] = r0;
            }
            if (r1 == r0) {
                k1 = k0;
            } else if (k1 < 0) {
                k1 = 1 - k0;
                horizontal(src, r1 * sw * CHANNELS, first, second, alpha0, alpha1, rows[k1]);
                rowOf[k1] = r1;
            }
            vertical(rows[k0], rows[k1], b0, b1, dst, dstOffset + y * dstStride);
        }
    }

    /** One output row from two horizontally resized rows (a method per row: compiled early, no OSR). */
    private static void vertical(int[] s0, int[] s1, int b0, int b1, byte[] dst, int d) {
        for (int i = 0; i < s0.length; i++) {
            dst[d + i] = (byte) ((mulHi(s0[i] >> 4, b0) + mulHi(s1[i] >> 4, b1) + 2) >> 2);
        }
    }

    private static void horizontal(byte[] src, int rowStart, int[] first, int[] second, int[] alpha0, int[] alpha1,
            int[] out) {
        for (int x = 0, o = 0; x < first.length; x++, o += CHANNELS) {
            int a0 = alpha0[x];
            int a1 = alpha1[x];
            int p = rowStart + first[x];
            int q = rowStart + second[x];
            out[o] = (src[p] & 0xff) * a0 + (src[q] & 0xff) * a1;
            out[o + 1] = (src[p + 1] & 0xff) * a0 + (src[q + 1] & 0xff) * a1;
            out[o + 2] = (src[p + 2] & 0xff) * a0 + (src[q + 2] & 0xff) * a1;
        }
    }

    /** cvRound of a float: round half to even, as the SSE conversion does. */
    private static int round(float v) {
        return (int) Math.rint(v);
    }

    private static int clip(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }

    /** {@code v_mul_hi} on 16-bit lanes: the high half of the 32-bit product (inputs fit in 16 bits). */
    private static int mulHi(int a, int b) {
        return (a * b) >> 16;
    }
}
