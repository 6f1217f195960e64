package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code cv2.resize(INTER_LINEAR)} on 8-bit images, reproduced bit for bit: up and down, tiny and
 * extreme shapes, the exact 2x reduction OpenCV routes to INTER_AREA, and the same size.
 */
class LinearResizeGoldenTest {
    @TestFactory
    Stream<DynamicTest> resizesExactlyAsCv2ResizeInterLinear() {
        List<Goldens.Case> cases = Goldens.cases("resize");
        assertTrue(cases.size() >= 20, "expected the golden resize cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.input() + " -> " + c.params().get("width") + "x"
                + c.params().get("height"), () -> {
            BgrImage src = ImageDecoder.read(Goldens.image(c.input()));
            int w = Integer.parseInt(c.params().get("width"));
            int h = Integer.parseInt(c.params().get("height"));
            byte[] out = LinearResize.resize(src.data(), src.width(), src.height(), w, h);
            assertNull(Goldens.mismatch(c, out));
        }));
    }
}
