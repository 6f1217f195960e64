package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.InputForm;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.PreprocessSpec.DType;
import org.rdkzoo.evaluator.image.PreprocessSpec.Layout;

class PreprocessDefaultsTest {
    private static ModelDescription floatNchw(int size) {
        return new ModelDescription("input", List.of(-1L, 3L, (long) size, (long) size), InputForm.FLOAT32, Layout.NCHW,
                -1, size, size, "out", 1000, false);
    }

    private static ModelDescription uint8Nhwc(int size) {
        return new ModelDescription("input", List.of(1L, (long) size, (long) size, 3L), InputForm.UINT8, Layout.NHWC,
                1, size, size, "out", 1001, true);
    }

    private static PreprocessOverrides none() {
        return PreprocessOverrides.none();
    }

    @Test
    void aFloat224ModelGetsTheOePresetUnchanged() throws InvalidInputException {
        assertEquals(PreprocessSpec.oe(), PreprocessDefaults.resolve(floatNchw(224), none()));
    }

    @Test
    void aUint8Nhwc128ModelGetsRawPixelsAndAProportionalShortSide() throws InvalidInputException {
        PreprocessSpec s = PreprocessDefaults.resolve(uint8Nhwc(128), none());
        assertEquals(128, s.width());
        assertEquals(128, s.height());
        assertEquals(146, s.shortSide());
        assertEquals(Layout.NHWC, s.layout());
        assertEquals(DType.UINT8, s.dtype());
        assertEquals(List.of(), s.mean());
        assertEquals(List.of(), s.scale());
    }

    @Test
    void userChoicesOverrideThePreset() throws InvalidInputException {
        PreprocessOverrides o = new PreprocessOverrides("letterbox", null, null, null, List.of(127.5),
                List.of(1 / 127.5), PreprocessSpec.ColorOrder.BGR, null, null, true);
        PreprocessSpec s = PreprocessDefaults.resolve(floatNchw(224), o);
        assertEquals(PreprocessSpec.Resize.LETTERBOX, s.resize());
        assertEquals(List.of(127.5), s.mean());
        assertEquals(PreprocessSpec.ColorOrder.BGR, s.color());
        assertTrue(s.nv12());
    }

    @Test
    void aSizeThatContradictsTheModelIsRefused() {
        PreprocessOverrides o = new PreprocessOverrides(null, 224, 224, null, null, null, null, null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PreprocessDefaults.resolve(uint8Nhwc(128), o));
        assertEquals("--size gives width 224, but the model's input width is fixed at 128", e.getMessage());
    }

    @Test
    void meanAndScaleForARawPixelModelAreRefused() {
        PreprocessOverrides o = none().withNormalisation(List.of(127.5), List.of(1 / 127.5));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PreprocessDefaults.resolve(uint8Nhwc(128), o));
        assertTrue(e.getMessage().startsWith("the model takes raw uint8 pixels"), e.getMessage());
    }

    @Test
    void aLayoutOrTypeThatContradictsTheModelIsRefused() {
        assertThrows(InvalidInputException.class, () -> PreprocessDefaults.resolve(floatNchw(224),
                new PreprocessOverrides(null, null, null, null, null, null, null, Layout.NHWC, null, null)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PreprocessDefaults.resolve(
                floatNchw(224), new PreprocessOverrides(null, null, null, null, null, null, null, null, DType.UINT8,
                        null)));
        assertEquals("--dtype UINT8 contradicts the model, whose input input is FLOAT32", e.getMessage());
    }

    @Test
    void aDynamicSizeModelTakesTheSizeGiven() throws InvalidInputException {
        ModelDescription dynamic = new ModelDescription("x", List.of(-1L, 3L, -1L, -1L), InputForm.FLOAT32,
                Layout.NCHW, -1, -1, -1, "y", 10, false);
        PreprocessSpec s = PreprocessDefaults.resolve(dynamic,
                new PreprocessOverrides(null, 160, 160, null, null, null, null, null, null, null));
        assertEquals(160, s.width());
        assertEquals(183, s.shortSide());
        assertEquals(224, PreprocessDefaults.resolve(dynamic, none()).width());
    }
}
