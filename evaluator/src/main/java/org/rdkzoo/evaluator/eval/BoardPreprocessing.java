package org.rdkzoo.evaluator.eval;

import java.util.Locale;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BpuBackend;
import org.rdkzoo.evaluator.backend.InputForm;
import org.rdkzoo.evaluator.image.PreprocessSpec;

/**
 * What a board evaluation adds to the user's preprocessing choices before {@link PreprocessDefaults} resolves
 * them:
 * <ul>
 * <li>the preset defaults to {@code letterbox}, the zoo's board runtime ({@code resize_type=1}: fit, pad 127), so
 * that {@code eval --model M.bin} measures the {@code .bin} as the zoo runs it; {@code --preprocess oe} (short
 * side 256, centre crop) pairs image by image with a float run of {@code --preprocess oe --nv12};</li>
 * <li>an NV12 (or Y, YUV444) input records {@code nv12}: the image reaches the model through NV12;</li>
 * <li>an RGB or BGR input fixes the colour order; a {@code --color} that contradicts it is refused.</li>
 * </ul>
 */
public final class BoardPreprocessing {
    /** The preset of a board evaluation when the user names none. */
    public static final String DEFAULT_PRESET = "letterbox";

    private BoardPreprocessing() {
    }

    public static PreprocessOverrides overrides(PreprocessOverrides user, BpuBackend backend)
            throws InvalidInputException {
        String preset = user.preset() != null ? user.preset() : DEFAULT_PRESET;
        PreprocessSpec.ColorOrder color = user.color();
        PreprocessSpec.ColorOrder required = backend.pixelColor();
        if (required != null) {
            if (color != null && color != required) {
                throw new InvalidInputException("--color " + color.name().toLowerCase(Locale.ROOT) + " contradicts "
                        + "the model, whose input " + backend.describe().inputName() + " is " + backend.inputType()
                        + " (" + required + " pixels)");
            }
            color = required;
        }
        Boolean nv12 = backend.describe().inputForm() == InputForm.NV12 ? Boolean.TRUE : user.nv12();
        return new PreprocessOverrides(preset, user.width(), user.height(), user.shortSide(), user.mean(),
                user.scale(), color, user.layout(), user.dtype(), nv12);
    }
}
