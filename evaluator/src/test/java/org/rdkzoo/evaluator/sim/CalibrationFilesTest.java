package org.rdkzoo.evaluator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.image.PreprocessSpec;

class CalibrationFilesTest {
    @TempDir
    Path dir;

    /** A 2x2 input, mean 127.5 and scale 1/127.5 (the x/127.5 - 1 models). */
    private static PreprocessSpec spec() {
        return PreprocessSpec.direct().withSize(2, 2).withNormalisation(List.of(127.5), List.of(1 / 127.5));
    }

    /** RGB planes of 2x2: R = 0, 51, 102, 153; G = 255 everywhere; B = 127.5 as float or 128 as uint8. */
    private void writeFloat(String name) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {0, 51, 102, 153, 255, 255, 255, 255, 127.5f, 127.5f, 127.5f, 127.5f}) {
            b.putFloat(v);
        }
        Files.write(dir.resolve(name), b.array());
    }

    @Test
    void rawFloatTensorsAreNormalisedAsHzPreprocessDoes() throws Exception {
        writeFloat("a.rgb");
        Files.writeString(dir.resolve("manifest.json"), "{}");
        CalibrationFiles set = CalibrationFiles.open(dir, spec());
        assertEquals(1, set.size(), "manifest.json is not a sample");
        assertFalse(set.images());
        float[] x = set.load(0);
        assertEquals(-1f, x[0], 1e-6);
        assertEquals((float) ((51 - 127.5) / 127.5), x[1], 1e-7);
        assertEquals(1f, x[4], 1e-6);
        assertEquals(0f, x[8], 1e-7);
    }

    @Test
    void uint8TensorsAreToldApartBySize() throws Exception {
        Files.write(dir.resolve("u.rgb"), new byte[] {0, 51, 102, (byte) 153, (byte) 255, (byte) 255, (byte) 255,
            (byte) 255, (byte) 128, (byte) 128, (byte) 128, (byte) 128});
        float[] x = CalibrationFiles.open(dir, spec()).load(0);
        assertEquals(-1f, x[0], 1e-6);
        assertEquals((float) (0.5 / 127.5), x[8], 1e-7);
    }

    @Test
    void aBgrNhwcModelGetsItsChannelOrderAndLayout() throws Exception {
        writeFloat("a.rgb");
        PreprocessSpec bgr = spec().withColor(PreprocessSpec.ColorOrder.BGR).withLayout(PreprocessSpec.Layout.NHWC)
                .withNormalisation(List.of(), List.of());
        float[] x = CalibrationFiles.open(dir, bgr).load(0);
        // pixel 1 (R 51, G 255, B 127.5) as B, G, R
        assertEquals(127.5f, x[3], 0);
        assertEquals(255f, x[4], 0);
        assertEquals(51f, x[5], 0);
    }

    @Test
    void aFileOfAnotherSizeIsNamedWithTheSizesExpected() throws Exception {
        writeFloat("a.rgb");
        Files.write(dir.resolve("b.rgb"), new byte[10]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationFiles.open(dir, spec()));
        assertTrue(e.getMessage().contains("b.rgb has 10 bytes") && e.getMessage().contains("48 (float32) or 12 (uint8)"),
                e.getMessage());
    }

    @Test
    void imagesMixedWithOtherFilesAreRefused() throws Exception {
        writeFloat("a.rgb");
        Files.write(dir.resolve("cat.jpg"), new byte[] {1});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationFiles.open(dir, spec()));
        assertTrue(e.getMessage().contains("mixes images with other files"), e.getMessage());
    }

    @Test
    void anEmptyFolderSaysHowToFillIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationFiles.open(dir, spec()));
        assertTrue(e.getMessage().contains("mapper calib"), e.getMessage());
    }
}
