package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The 4:4:0 chroma repair for JDKs that bundle IJG libjpeg 6b. Debian's JDK decodes with libjpeg-turbo,
 * so the golden tests never reach the repair there; these tests feed it rows as 6b leaves them.
 */
class JpegColorTest {
    /** Packed Y, Cb, Cr rows of width 3 whose chroma rows come in repeated pairs, as 6b upsamples 4:4:0. */
    private static byte[] repeatedRows(int[] cbSamples, int height) {
        int w = 3;
        byte[] src = new byte[w * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < w; x++) {
                src[(y * w + x) * 3] = (byte) (10 * y + x);
                src[(y * w + x) * 3 + 1] = (byte) (cbSamples[y / 2] + x);
                src[(y * w + x) * 3 + 2] = (byte) (200 - cbSamples[y / 2]);
            }
        }
        return src;
    }

    @Test
    void repeatedChromaRowsAreFilteredAsLibjpegTurboDoes() {
        int[] samples = {100, 20, 60};
        byte[] src = repeatedRows(samples, 5); // odd height: the last sample has one row
        JpegColor.fancyChromaRowsIfRepeated(src, 0, 9, 3, 5);
        // rows: 0 above-edge (3*100+100+1)>>2, 1 (3*100+20+2)>>2, 2 (3*20+100+1)>>2, 3 (3*20+60+2)>>2,
        // 4 (3*60+20+1)>>2
        int[] expected = {100, 80, 40, 30, 50};
        for (int y = 0; y < 5; y++) {
            assertEquals(expected[y], src[y * 9 + 1] & 0xff, "Cb of row " + y);
            // column 1 has every Cb sample one higher, so each filtered value is exactly one higher
            assertEquals(expected[y] + 1, src[y * 9 + 4] & 0xff, "Cb of row " + y + ", column 1");
            assertEquals(10 * y, src[y * 9] & 0xff, "luma is untouched");
        }
        int[] crExpected = {(3 * 100 + 100 + 1) >> 2, (3 * 100 + 180 + 2) >> 2, (3 * 180 + 100 + 1) >> 2,
            (3 * 180 + 140 + 2) >> 2, (3 * 140 + 180 + 1) >> 2};
        for (int y = 0; y < 5; y++) {
            assertEquals(crExpected[y], src[y * 9 + 2] & 0xff, "Cr of row " + y);
        }
    }

    @Test
    void chromaThatWasFilteredAlreadyIsLeftAlone() {
        byte[] src = repeatedRows(new int[] {100, 20, 60}, 6);
        src[9 + 1] = 99; // rows 0 and 1 differ: the decoder filtered, nothing to repair
        byte[] before = src.clone();
        JpegColor.fancyChromaRowsIfRepeated(src, 0, 9, 3, 6);
        assertArrayEquals(before, src);
    }
}
