package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every synthetic test image decodes to exactly what {@code cv2.imread} returned for it. */
class ImageDecoderGoldenTest {
    /** Files cv2.imread reads that rdkzoo refuses on purpose, each with a test of its own below. */
    private static final Set<String> REFUSED = Set.of("arithmetic_93x67.jpg");

    @TestFactory
    Stream<DynamicTest> decodesEveryImageExactlyAsCv2Imread() {
        List<Goldens.Case> cases = Goldens.cases("decode");
        assertTrue(cases.size() >= 30, "expected the golden decode cases, found " + cases.size());
        return cases.stream().filter(c -> !REFUSED.contains(c.input())).map(c -> DynamicTest.dynamicTest(c.input(), () -> {
            BgrImage image = ImageDecoder.read(Goldens.image(c.input()));
            assertEquals(c.shape(), image.height() + "x" + image.width() + "x3", c.toString());
            assertNull(Goldens.mismatch(c, image.data()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> refusesWhatCv2ImreadCannotRead() {
        List<Goldens.Case> cases = Goldens.cases("unreadable");
        assertTrue(cases.size() >= 3, "expected unreadable cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.input(), () -> {
            UnreadableImageException e = assertThrows(UnreadableImageException.class,
                    () -> ImageDecoder.read(Goldens.image(c.input())));
            assertTrue(e.getMessage().contains(c.input()), e.getMessage());
        }));
    }

    @Test
    void refusesArithmeticCodedJpegThatLibjpegTurboWouldRead() {
        // The JDK's libjpeg 6b has no arithmetic decoder; cv2.imread reads these. Rare in datasets.
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> ImageDecoder.read(Goldens.image("arithmetic_93x67.jpg")));
        assertTrue(e.getMessage().contains("arithmetic-coded JPEG"), e.getMessage());
    }
}
