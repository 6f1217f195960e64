package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.dataset.ImageEntry;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.labels.LabelMaps;

class LabelResolverTest {
    private static ImageEntry image(String label) {
        return new ImageEntry("x" + label, 1, label);
    }

    @Test
    void wnidsAndIndicesResolveThroughTheMap() throws InvalidInputException {
        int[] classes = LabelResolver.resolve(List.of(image("n01443537"), image("999")), LabelMaps.imagenet());
        assertArrayEquals(new int[] {1, 999}, classes);
    }

    @Test
    void aThousandNameMapWithoutWnidsUsesTheStandardOrder() throws InvalidInputException {
        LabelMap names = new LabelMap("st.txt", null, List.of(), Collections.nCopies(1000, "name"), 0);
        assertArrayEquals(new int[] {999}, LabelResolver.resolve(List.of(image("n15075141")), names));
    }

    @Test
    void unknownLabelsAreCountedAndListed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelResolver.resolve(
                List.of(image("1000"), image("n99999999"), image("5")), LabelMaps.imagenet()));
        assertEquals("2 images have labels that the label map builtin:imagenet-1k (1000 classes) does not know: "
                + "1000, n99999999", e.getMessage());
    }

    @Test
    void a1001ClassModelIsRefusedWithTheOffsetHint() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelResolver.checkFits("m.onnx", 1001, LabelMaps.imagenet(), 0));
        assertEquals("m.onnx has 1001 classes, but the label map builtin:imagenet-1k has 1000; if class 0 is a "
                + "background class (TF-slim models), pass --label-offset 1", e.getMessage());
    }

    @Test
    void aModelThatFitsWithTheOffsetPasses() throws InvalidInputException {
        LabelResolver.checkFits("m.onnx", 1001, LabelMaps.imagenet(), 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelResolver.checkFits("m.onnx", 10, LabelMaps.imagenet(), 0));
        assertTrue(e.getMessage().endsWith("pass --labels with the model's class names"), e.getMessage());
    }
}
