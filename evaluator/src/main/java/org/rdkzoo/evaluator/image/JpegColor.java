package org.rdkzoo.evaluator.image;

/**
 * Colour conversion of decoded JPEG samples to BGR, with the exact integer arithmetic of libjpeg's
 * {@code jdcolor.c} (which libjpeg-turbo keeps bit for bit) and of OpenCV's CMYK conversion.
 *
 * <p>The decoder hands over raw components (upsampled but not converted), so no Java colour
 * management, ICC profile or gamma ever touches the pixels, as with {@code cv2.imread}. Samples are
 * packed (1, 3 or 4 bytes a pixel): constant strides let the JIT drop the bounds checks.
 */
final class JpegColor {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);

    /** libjpeg's YCbCr to RGB tables ({@code build_ycc_rgb_table}). */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (int) ((fix(1.40200) * x + ONE_HALF) >> SCALEBITS);
            CB_B[i] = (int) ((fix(1.77200) * x + ONE_HALF) >> SCALEBITS);
            CR_G[i] = (int) (-fix(0.71414) * x);
            CB_G[i] = (int) (-fix(0.34414) * x + ONE_HALF);
        }
    }

    private JpegColor() {
    }

    private static long fix(double x) {
        return (long) (x * (1L << SCALEBITS) + 0.5);
    }

    /** Interleaved Y, Cb, Cr to B, G, R. */
    static void ycbcrToBgr(byte[] src, int srcOffset, byte[] dst, int dstOffset, int pixels) {
        for (int p = 0; p < pixels; p++) {
            int s = srcOffset + 3 * p;
            int d = dstOffset + 3 * p;
            int y = src[s] & 0xff;
            int cb = src[s + 1] & 0xff;
            int cr = src[s + 2] & 0xff;
            dst[d] = clamp(y + CB_B[cb]);
            dst[d + 1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
            dst[d + 2] = clamp(y + CR_R[cr]);
        }
    }

    /** libjpeg's {@code ycc_rgb_convert} for one pixel, packed as {@code R << 16 | G << 8 | B}. */
    private static int yccToRgb(int y, int cb, int cr) {
        return (clamp(y + CR_R[cr]) & 0xff) << 16 | (clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)) & 0xff) << 8
                | clamp(y + CB_B[cb]) & 0xff;
    }

    /** libjpeg's {@code range_limit}: 0..255. */
    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }

    /** Interleaved R, G, B (Adobe transform 0, or 'R','G','B' component ids) to B, G, R. */
    static void rgbToBgr(byte[] src, int srcOffset, byte[] dst, int dstOffset, int pixels) {
        for (int p = 0; p < pixels; p++) {
            int s = srcOffset + 3 * p;
            int d = dstOffset + 3 * p;
            dst[d] = src[s + 2];
            dst[d + 1] = src[s + 1];
            dst[d + 2] = src[s];
        }
    }

    static void grayToBgr(byte[] src, int srcOffset, byte[] dst, int dstOffset, int pixels) {
        for (int p = 0; p < pixels; p++) {
            int d = dstOffset + 3 * p;
            byte v = src[srcOffset + p];
            dst[d] = v;
            dst[d + 1] = v;
            dst[d + 2] = v;
        }
    }

    /**
     * CMYK as stored in the file to B, G, R with OpenCV's {@code icvCvt_CMYK2BGR_8u_C4C3R}: it reads the
     * samples as Adobe writes them (inverted, 255 = no ink), {@code R = K - ((255 - C) * K >> 8)}.
     */
    static void cmykToBgr(byte[] src, int srcOffset, byte[] dst, int dstOffset, int pixels) {
        for (int p = 0; p < pixels; p++) {
            int s = srcOffset + 4 * p;
            int d = dstOffset + 3 * p;
            int c = src[s] & 0xff;
            int m = src[s + 1] & 0xff;
            int y = src[s + 2] & 0xff;
            int k = src[s + 3] & 0xff;
            dst[d] = (byte) (k - ((255 - y) * k >> 8));
            dst[d + 1] = (byte) (k - ((255 - m) * k >> 8));
            dst[d + 2] = (byte) (k - ((255 - c) * k >> 8));
        }
    }

    /**
     * YCCK to B, G, R: libjpeg's {@code ycck_cmyk_convert} (C, M, Y = 255 - the YCbCr to RGB result,
     * K unchanged), then OpenCV's CMYK conversion, as {@code cv2.imread} gets it from libjpeg-turbo.
     */
    static void ycckToBgr(byte[] src, int srcOffset, byte[] dst, int dstOffset, int pixels) {
        for (int p = 0; p < pixels; p++) {
            int s = srcOffset + 4 * p;
            int d = dstOffset + 3 * p;
            int rgb = yccToRgb(src[s] & 0xff, src[s + 1] & 0xff, src[s + 2] & 0xff);
            int k = src[s + 3] & 0xff;
            int c = 255 - (rgb >> 16);
            int m = 255 - (rgb >> 8 & 0xff);
            int ye = 255 - (rgb & 0xff);
            dst[d] = (byte) (k - ((255 - ye) * k >> 8));
            dst[d + 1] = (byte) (k - ((255 - m) * k >> 8));
            dst[d + 2] = (byte) (k - ((255 - c) * k >> 8));
        }
    }

    /**
     * Chroma of a 4:4:0 file as libjpeg-turbo upsamples it, when the decoder repeated the rows instead.
     * IJG libjpeg 6b (in most JDKs) upsamples 4:4:0 by repeating each chroma row; libjpeg-turbo (cv2, and
     * Debian's JDK) uses its vertical triangle filter {@code (3 * nearer + further + bias) >> 2}, bias 1
     * above and 2 below, the edge rows replicated. When every pair of rows {@code 2k, 2k + 1} carries the
     * same Cb and Cr, the chroma samples are the even rows and are upsampled here as libjpeg-turbo does
     * (a decoder that filtered already leaves pairs that differ, unless the chroma is flat vertically, in
     * which case filtering changes nothing). {@code src} holds packed Y, Cb, Cr rows and is updated.
     */
    static void fancyChromaRowsIfRepeated(byte[] src, int offset, int rowStride, int w, int h) {
        if (w <= 2) {
            return; // libjpeg-turbo repeats rows too when the component is at most 2 samples wide
        }
        for (int y = 0; y + 1 < h; y += 2) {
            if (!sameChroma(src, offset + y * rowStride, offset + (y + 1) * rowStride, w)) {
                return;
            }
        }
        int rows = (h + 1) / 2;
        byte[] cb = new byte[rows * w];
        byte[] cr = new byte[rows * w];
        for (int k = 0; k < rows; k++) {
            int row = offset + 2 * k * rowStride;
            for (int x = 0; x < w; x++) {
                cb[k * w + x] = src[row + 3 * x + 1];
                cr[k * w + x] = src[row + 3 * x + 2];
            }
        }
        for (int y = 0; y < h; y++) {
            int k = y >> 1;
            boolean upper = (y & 1) == 0;
            int n = upper ? Math.max(k - 1, 0) : Math.min(k + 1, rows - 1);
            int bias = upper ? 1 : 2;
            int row = offset + y * rowStride;
            for (int x = 0; x < w; x++) {
                src[row + 3 * x + 1] = (byte) ((3 * (cb[k * w + x] & 0xff) + (cb[n * w + x] & 0xff) + bias) >> 2);
                src[row + 3 * x + 2] = (byte) ((3 * (cr[k * w + x] & 0xff) + (cr[n * w + x] & 0xff) + bias) >> 2);
            }
        }
    }

    private static boolean sameChroma(byte[] src, int a, int b, int w) {
        for (int x = 0; x < w; x++) {
            if (src[a + 3 * x + 1] != src[b + 3 * x + 1] || src[a + 3 * x + 2] != src[b + 3 * x + 2]) {
                return false;
            }
        }
        return true;
    }
}
