package org.rdkzoo.evaluator.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the report decides that a float and a quantized result are the same model when the user does not
 * say ({@code --pair}): the same catalog id, or, for a file without one, the same normalised file stem.
 * Normalising lower-cases the name, drops the directory and extension, hb_mapper's output suffixes
 * ({@code _quantized_model}, {@code _original_float_model}, {@code _optimized_float_model},
 * {@code _calibrated_model}) and the zoo's input suffix ({@code _224x224_nv12}, {@code _224x224}, {@code _nv12}),
 * and turns '-' into '_'. So {@code efficientnet_b2.onnx}, {@code EfficientNet_B2_224x224_nv12.bin} and
 * catalog id {@code efficientnet_b2} are one model; {@code mobilenetv3_large_100.onnx} and
 * {@code MobileNetV3_224x224_nv12.bin} are not, and need {@code --pair} or a catalog id.
 */
final class ModelKeys {
    private static final Pattern TOOLCHAIN_SUFFIX = Pattern.compile(
            "_(quantized_model|original_float_model|optimized_float_model|calibrated_model)$");
    private static final Pattern INPUT_SUFFIX = Pattern.compile("(_\\d+x\\d+)?(_(nv12|rgb|bgr|yuv444|gray))?$");

    private ModelKeys() {
    }

    static String ofFile(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return normalise(name);
    }

    static String normalise(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
        key = TOOLCHAIN_SUFFIX.matcher(key).replaceFirst("");
        String trimmed = INPUT_SUFFIX.matcher(key).replaceFirst("");
        return trimmed.isEmpty() ? key : trimmed;
    }

    /** The key of a model: its catalog id when it has one, else its file's normalised stem. */
    static String of(String catalogId, String path) {
        if (catalogId != null && !catalogId.isBlank()) {
            return normalise(catalogId);
        }
        return path == null ? "?" : ofFile(path);
    }
}
