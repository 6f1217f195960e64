package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PreprocessorTest {
    /** A 4x2 image whose pixels are all different, B G R = (10 + i, 100 + i, 200 + i). */
    private static BgrImage distinctPixels(int w, int h) {
        byte[] data = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            data[3 * i] = (byte) (10 + i);
            data[3 * i + 1] = (byte) (100 + i);
            data[3 * i + 2] = (byte) (200 + i);
        }
        return new BgrImage(w, h, data);
    }

    private static PreprocessSpec direct(int w, int h) {
        return PreprocessSpec.direct().withSize(w, h).withNormalisation(List.of(), List.of());
    }

    @Test
    void shortSideSizeIsThatOfShortSideResizeTransformer() {
        assertArrayEquals(new int[] {341, 256}, Preprocessor.shortSideSize(500, 375, 256));
        assertArrayEquals(new int[] {256, 341}, Preprocessor.shortSideSize(375, 500, 256));
        assertArrayEquals(new int[] {256, 256}, Preprocessor.shortSideSize(300, 300, 256));
        // int(256 * (1000 / 3)): the long side is truncated, not rounded
        assertArrayEquals(new int[] {85333, 256}, Preprocessor.shortSideSize(1000, 3, 256));
    }

    @Test
    void nchwAndNhwcHoldTheSameValuesInRgbOrder() {
        BgrImage image = distinctPixels(4, 2);
        byte[] nchw = new Preprocessor(direct(4, 2)).toUint8(image);
        byte[] nhwc = new Preprocessor(direct(4, 2).withLayout(PreprocessSpec.Layout.NHWC)).toUint8(image);
        for (int p = 0; p < 8; p++) {
            assertEquals((byte) (200 + p), nchw[p], "R plane");
            assertEquals((byte) (100 + p), nchw[8 + p], "G plane");
            assertEquals((byte) (10 + p), nchw[16 + p], "B plane");
            assertEquals(nchw[p], nhwc[3 * p]);
            assertEquals(nchw[8 + p], nhwc[3 * p + 1]);
            assertEquals(nchw[16 + p], nhwc[3 * p + 2]);
        }
        byte[] bgr = new Preprocessor(direct(4, 2).withColor(PreprocessSpec.ColorOrder.BGR)
                .withLayout(PreprocessSpec.Layout.NHWC)).toUint8(image);
        assertArrayEquals(image.data(), bgr, "same size, BGR NHWC is the decoded image itself");
    }

    @Test
    void normalisesPerChannelInTensorOrder() {
        BgrImage image = distinctPixels(4, 2);
        PreprocessSpec spec = direct(4, 2).withNormalisation(List.of(200.0, 100.0, 10.0), List.of(0.5, 2.0, 1.0));
        float[] t = new Preprocessor(spec).toFloat(image);
        for (int p = 0; p < 8; p++) {
            assertEquals(p * 0.5f, t[p]);
            assertEquals(p * 2.0f, t[8 + p]);
            assertEquals(p, t[16 + p]);
        }
        float[] one = new Preprocessor(direct(4, 2).withNormalisation(List.of(127.5), List.of(1 / 127.5)))
                .toFloat(image);
        assertEquals((float) ((200 - 127.5) / 127.5), one[0]);
        assertEquals((float) ((10 - 127.5) / 127.5), one[16]);
    }

    @Test
    void letterboxPadsWithTheGreyAroundTheCentredImage() {
        BgrImage wide = distinctPixels(8, 2); // scale 1 into 8x6: 2 rows of padding above, 2 below
        PreprocessSpec spec = PreprocessSpec.letterbox().withSize(8, 6).withNormalisation(List.of(), List.of())
                .withColor(PreprocessSpec.ColorOrder.BGR).withLayout(PreprocessSpec.Layout.NHWC);
        byte[] out = new Preprocessor(spec).toUint8(wide);
        for (int i = 0; i < 8 * 2 * 3; i++) {
            assertEquals(127, out[i] & 0xff, "top padding");
            assertEquals(127, out[out.length - 1 - i] & 0xff, "bottom padding");
        }
        assertArrayEquals(wide.data(), java.util.Arrays.copyOfRange(out, 8 * 2 * 3, 8 * 4 * 3));
    }

    @Test
    void writesIntoCallerBuffersOfTheRightSizeOnly() {
        Preprocessor p = new Preprocessor(PreprocessSpec.oe());
        BgrImage image = distinctPixels(300, 260);
        float[] out = new float[p.elements()];
        p.toFloat(image, out);
        assertArrayEquals(p.toFloat(image), out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.toFloat(image, new float[10]));
        assertTrue(e.getMessage().contains("[1, 3, 224, 224]"), e.getMessage());
        assertEquals(224 * 224 * 3 / 2, p.toNv12(image).length);
        assertEquals(new BgrImage(224, 224, p.resized(image).data()), p.resized(image));
    }

    @Test
    void refusesSpecsItCannotHonour() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> new Preprocessor(PreprocessSpec.oe().withSize(223, 224).withNv12(true)));
        assertTrue(odd.getMessage().contains("even"), odd.getMessage());
        IllegalArgumentException crop = assertThrows(IllegalArgumentException.class,
                () -> new Preprocessor(PreprocessSpec.oe().withSize(300, 224)));
        assertTrue(crop.getMessage().contains("short side 256"), crop.getMessage());
        Preprocessor oddSize = new Preprocessor(PreprocessSpec.direct().withSize(5, 3));
        assertThrows(IllegalArgumentException.class, () -> oddSize.toNv12(distinctPixels(4, 2)));
    }

    @Test
    void nv12RoundTripKeepsGreyAndLosesChromaDetail() {
        byte[] grey = new byte[4 * 2 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        PreprocessSpec spec = direct(4, 2).withNv12(true);
        assertArrayEquals(new Preprocessor(direct(4, 2)).toUint8(new BgrImage(4, 2, grey)),
                new Preprocessor(spec).toUint8(new BgrImage(4, 2, grey)), "mid grey survives video-range YUV");
        BgrImage image = distinctPixels(4, 2);
        byte[] rt = new Preprocessor(spec).toUint8(image);
        assertTrue(!java.util.Arrays.equals(new Preprocessor(direct(4, 2)).toUint8(image), rt),
                "distinct colours within a 2x2 block cannot all survive 4:2:0");
    }
}
