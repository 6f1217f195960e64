package org.rdkzoo.evaluator.eval;

import java.util.List;

import org.rdkzoo.evaluator.image.PreprocessSpec;

/**
 * Preprocessing choices the user made; {@code null} (or an empty list) means "not given", so the preset and
 * the model decide. The command line fills it from options; a mapper config can fill {@code mean}/{@code scale}.
 *
 * @param preset    {@code oe}, {@code letterbox} or {@code resize}; {@code null} for {@code oe}
 * @param width     output width
 * @param height    output height
 * @param shortSide the short side before the centre crop
 * @param mean      per-channel mean in 0..255 space
 * @param scale     per-channel scale applied after the mean
 * @param color     channel order
 * @param layout    tensor layout
 * @param dtype     tensor element type
 * @param nv12      send images through NV12 and back
 */
public record PreprocessOverrides(String preset, Integer width, Integer height, Integer shortSide, List<Double> mean,
        List<Double> scale, PreprocessSpec.ColorOrder color, PreprocessSpec.Layout layout, PreprocessSpec.DType dtype,
        Boolean nv12) {
    public PreprocessOverrides {
        mean = mean == null ? List.of() : List.copyOf(mean);
        scale = scale == null ? List.of() : List.copyOf(scale);
    }

    public static PreprocessOverrides none() {
        return new PreprocessOverrides(null, null, null, null, null, null, null, null, null, null);
    }

    /** These overrides with the mean and scale replaced (from a mapper config, say). */
    public PreprocessOverrides withNormalisation(List<Double> m, List<Double> s) {
        return new PreprocessOverrides(preset, width, height, shortSide, m, s, color, layout, dtype, nv12);
    }
}
