package org.rdkzoo.evaluator.compare;

import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;
import static org.rdkzoo.evaluator.results.ResultsFixtures.top5Hit;

import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.results.ResultsFixtures;

/**
 * The ten-image comparison every compare and render test starts from, small enough to check by hand.
 * Classes 0..4 hold two images each (img0..img9, class = index / 2).
 * <pre>
 *   image  class  A top-1        B top-1             change
 *   img0   0      0 right .90    7 wrong .60 (label 2nd in top-5)   lost
 *   img1   0      0 right .80    7 wrong .55         lost
 *   img2   1      1 right .70    8 wrong .50         lost
 *   img3-7 1..3   right .95      right .90           both right
 *   img8   4      9 wrong .40    4 right .65         gained
 *   img9   4      9 wrong .30    9 wrong .35         both wrong
 * </pre>
 * Top-1: A 8/10, B 6/10, lost 3, gained 1. Top-5: A 8/10, B 7/10 (img0 in B's top-5), lost 2, gained 1.
 * Top-1 agreement: img3..7 and img9 = 6/10. Top-5 overlap: 4/5 on img0, 1, 2, 8, all 5 elsewhere = 0.92.
 */
public final class CompareFixtures {
    public static final Provenance PROVENANCE = Provenance.start(ResultsFixtures.CLOCK, List.of("compare"), Map.of())
            .finish(ResultsFixtures.CLOCK);

    private CompareFixtures() {
    }

    public static List<EvaluationResults.ImageResult> referenceImages() {
        return List.of(image("img0", 0, 0, .90f), image("img1", 0, 0, .80f), image("img2", 1, 1, .70f),
                image("img3", 1, 1, .95f), image("img4", 2, 2, .95f), image("img5", 2, 2, .95f),
                image("img6", 3, 3, .95f), image("img7", 3, 3, .95f), image("img8", 4, 9, .40f),
                image("img9", 4, 9, .30f));
    }

    public static List<EvaluationResults.ImageResult> candidateImages() {
        return List.of(top5Hit("img0", 0, 7, .60f), image("img1", 0, 7, .55f), image("img2", 1, 8, .50f),
                image("img3", 1, 1, .90f), image("img4", 2, 2, .90f), image("img5", 2, 2, .90f),
                image("img6", 3, 3, .90f), image("img7", 3, 3, .90f), image("img8", 4, 4, .65f),
                image("img9", 4, 9, .35f));
    }

    /** The first ten ImageNet classes, as a label file names them. */
    public static final List<String> NAMES = List.of("tench", "goldfish", "great white shark", "tiger shark",
            "hammerhead", "electric ray", "stingray", "cock", "hen", "ostrich");

    public static ResultsFixtures.Builder named(ResultsFixtures.Builder b) {
        return b.labelNames(NAMES);
    }

    public static LoadedResults reference() {
        return new LoadedResults("float.json", "f00d", named(results("onnxruntime", "models/efficientnet_b2.onnx"))
                .images(referenceImages()).build());
    }

    public static LoadedResults candidate() {
        return new LoadedResults("board.json", "b0a7", named(results("bpu", "EfficientNet_B2_224x224_nv12.bin")
                .sha("bb22").versions(Map.of("libdnn", "1.24.5"))).images(candidateImages()).build());
    }

    public static Comparison tenImages(Threshold threshold) throws IncompatibleResultsException {
        return Comparer.compare(reference(), candidate(),
                new CompareOptions(false, threshold, org.rdkzoo.evaluator.stats.Confidence.NINETY_FIVE), PROVENANCE);
    }
}
