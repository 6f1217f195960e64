package org.rdkzoo.evaluator.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.image.BgrImage;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.labels.LabelMap;

/**
 * Classifies single images, as the zoo's notebooks do: decode, preprocess, run, rank, name. The same
 * preparation and scoring as {@link Evaluator}, one image at a time ({@code rdkzoo infer}).
 */
public final class Classifier {
    /**
     * One ranked class.
     *
     * @param index the model's class index
     * @param name  its name ({@code background} for a model class before the label map's first)
     * @param score its score (a probability, see {@link ScoreRule})
     */
    public record Ranked(int index, String name, float score) {
    }

    private final InferenceBackend backend;
    private final ImagePreparer preparer;
    private final LabelMap labels;
    private final int offset;
    private ScoreRule rule;

    /** The label map must fit the model ({@link LabelResolver#checkFits}); the spec is the model's. */
    public Classifier(InferenceBackend backend, PreprocessSpec spec, LabelMap labels, int offset) {
        this.backend = backend;
        this.preparer = new ImagePreparer(spec, backend.describe().inputForm());
        this.labels = labels;
        this.offset = offset;
    }

    /** The {@code k} best classes of an image file. */
    public List<Ranked> classify(Path image, int k) throws IOException {
        return classify(image.toString(), ImageDecoder.read(image), k);
    }

    /** The {@code k} best classes of a decoded image. */
    public List<Ranked> classify(String id, BgrImage image, int k) throws BackendException {
        PreprocessSpec spec = preparer.spec();
        float[] raw = backend.infer(new Batch(List.of(preparer.prepare(id, image)), spec.height(), spec.width()))[0];
        if (rule == null) {
            rule = ScoreRule.detect(raw, backend.describe().quantizedOutput());
        }
        Prediction p = Prediction.top(rule.apply(raw), k);
        List<Ranked> ranked = new ArrayList<>(p.classes().length);
        for (int i = 0; i < p.classes().length; i++) {
            int c = p.classes()[i];
            int label = c - offset;
            ranked.add(new Ranked(c, label < 0 ? "background" : labels.name(label), p.scores()[i]));
        }
        return ranked;
    }

    /** How scores were derived (known after the first image). */
    public ScoreRule rule() {
        return rule;
    }
}
