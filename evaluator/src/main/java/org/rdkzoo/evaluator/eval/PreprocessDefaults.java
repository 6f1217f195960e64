package org.rdkzoo.evaluator.eval;

import java.util.List;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.InputForm;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.PreprocessSpec.DType;

/**
 * The preprocessing for a model: the preset, then what the model's input says, then what the user said.
 * <ul>
 * <li>size: the model's input height and width when they are fixed (else the preset's 224); with the
 * {@code oe} preset a size other than 224 scales the short side in proportion, {@code round(256 * size / 224)}
 * (128 gives 146, the TF-slim 87.5% central crop);</li>
 * <li>layout: the model's (NHWC for {@code [N,H,W,3]});</li>
 * <li>element type: uint8 for a uint8 input, which takes raw pixels, so no mean or scale applies;</li>
 * <li>a user's choice that contradicts the model (another size, layout or type) is refused.</li>
 * </ul>
 */
public final class PreprocessDefaults {
    private PreprocessDefaults() {
    }

    public static PreprocessSpec resolve(ModelDescription model, PreprocessOverrides o) throws InvalidInputException {
        PreprocessSpec spec;
        try {
            spec = PreprocessSpec.preset(o.preset() == null ? "oe" : o.preset());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        int width = pick("width", o.width(), model.width(), spec.width());
        int height = pick("height", o.height(), model.height(), spec.height());
        int shortSide = spec.shortSide();
        if (o.shortSide() != null) {
            shortSide = o.shortSide();
        } else if (spec.resize() == PreprocessSpec.Resize.SHORT_SIDE_CENTER_CROP
                && (width != spec.width() || height != spec.height())) {
            shortSide = (int) Math.round((double) spec.shortSide() * Math.max(width, height) / spec.width());
        }
        PreprocessSpec.Layout layout = o.layout() != null ? o.layout() : model.layout();
        if (o.layout() != null && model.inputForm() != InputForm.NV12 && o.layout() != model.layout()) {
            throw new InvalidInputException("--layout " + o.layout() + " contradicts the model, whose input "
                    + model.inputName() + " " + model.inputShape() + " is " + model.layout());
        }
        DType modelType = model.inputForm() == InputForm.FLOAT32 ? DType.FLOAT32 : DType.UINT8;
        if (o.dtype() != null && o.dtype() != modelType) {
            throw new InvalidInputException("--dtype " + o.dtype() + " contradicts the model, whose input "
                    + model.inputName() + " is " + modelType);
        }
        var mean = o.mean().isEmpty() ? spec.mean() : o.mean();
        var scale = o.scale().isEmpty() ? spec.scale() : o.scale();
        if (modelType == DType.UINT8) {
            if (!o.mean().isEmpty() || !o.scale().isEmpty()) {
                throw new InvalidInputException("the model takes raw uint8 pixels (input " + model.inputName()
                        + " is uint8), so --mean and --scale do not apply; the model normalises inside its graph");
            }
            mean = List.of();
            scale = List.of();
        }
        try {
            spec = spec.withSize(width, height).withShortSide(shortSide).withLayout(layout).withDType(modelType)
                    .withNormalisation(mean, scale);
            if (o.color() != null) {
                spec = spec.withColor(o.color());
            }
            if (o.nv12() != null) {
                spec = spec.withNv12(o.nv12());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid preprocessing: " + e.getMessage(), e);
        }
        return spec;
    }

    private static int pick(String what, Integer given, int model, int preset) throws InvalidInputException {
        if (given != null) {
            if (model > 0 && given != model) {
                throw new InvalidInputException("--size gives " + what + " " + given + ", but the model's input "
                        + what + " is fixed at " + model);
            }
            return given;
        }
        return model > 0 ? model : preset;
    }
}
