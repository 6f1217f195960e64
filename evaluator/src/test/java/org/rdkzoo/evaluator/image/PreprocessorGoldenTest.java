package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tensors and NV12 planes equal to the OpenCV reference pipeline of {@code make_goldens.py}: the OE
 * short-side resize and centre crop, the zoo's letterbox, the direct resize, the NV12 round trip,
 * colour orders, layouts and normalisation, on ordinary, tiny, extreme and exact-2x shapes.
 */
class PreprocessorGoldenTest {
    @TestFactory
    Stream<DynamicTest> tensorsEqualTheOpenCvPipeline() {
        List<Goldens.Case> cases = Goldens.cases("tensor");
        assertTrue(cases.size() >= 40, "expected the golden tensor cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Preprocessor p = new Preprocessor(Goldens.spec(c.params()));
            BgrImage image = ImageDecoder.read(Goldens.image(c.input()));
            byte[] actual = p.spec().dtype() == PreprocessSpec.DType.UINT8 ? p.toUint8(image)
                    : Goldens.littleEndian(p.toFloat(image));
            assertNull(Goldens.mismatch(c, actual));
        }));
    }

    @TestFactory
    Stream<DynamicTest> nv12PlanesEqualTheZoosBgrToNv12Planes() {
        List<Goldens.Case> cases = Goldens.cases("nv12");
        assertTrue(cases.size() >= 10, "expected the golden nv12 cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Preprocessor p = new Preprocessor(Goldens.spec(c.params()));
            assertNull(Goldens.mismatch(c, p.toNv12(ImageDecoder.read(Goldens.image(c.input())))));
        }));
    }
}
