package org.rdkzoo.evaluator.compare;

import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.RecordDiff;
import org.rdkzoo.evaluator.stats.Interval;

/**
 * Everything {@code rdkzoo compare} found, computed once and rendered by every format. A is the
 * reference, B the candidate; differences are B − A. Accuracies and deltas are fractions (0.7650, not
 * 76.50) except in the {@link Verdict}, which speaks in points like its threshold. Undefined figures
 * (no paired images) are {@code NaN}.
 *
 * @param format      {@link #FORMAT}
 * @param confidence  the confidence level of every interval (0.95)
 * @param a           the reference run
 * @param b           the candidate run
 * @param pairing     how many images were paired and what was left out
 * @param differences the recorded settings in which the two runs differ (backend, model, preprocessing...)
 * @param top1        Top-1 of each, the paired difference and McNemar's test
 * @param top5        the same for Top-5
 * @param agreement   how often the two runs predict the same
 * @param lost        images right in A and wrong in B (Top-1), by A's top-1 score, highest first
 * @param gained      images wrong in A and right in B, by B's top-1 score, highest first
 * @param classes     per dataset class, those that lost most first
 * @param verdict     the threshold's outcome
 * @param images      every paired image
 * @param classNames  the names of dataset classes, when the results carry them
 * @param provenance  the comparison's own provenance; its inputs are the two results files
 */
public record Comparison(
        String format,
        double confidence,
        Side a,
        Side b,
        PairingSummary pairing,
        List<RecordDiff.Difference> differences,
        Accuracy top1,
        Accuracy top5,
        Agreement agreement,
        List<PairedImage> lost,
        List<PairedImage> gained,
        List<ClassDelta> classes,
        Verdict verdict,
        List<PairedImage> images,
        Map<Integer, String> classNames,
        Provenance provenance) {

    public static final String FORMAT = "rdkzoo.comparison/1";

    public Comparison {
        differences = List.copyOf(differences);
        lost = List.copyOf(lost);
        gained = List.copyOf(gained);
        classes = List.copyOf(classes);
        images = List.copyOf(images);
        classNames = Map.copyOf(classNames);
    }

    /**
     * One side of the comparison, with the provenance of its run.
     *
     * @param name          "A" or "B"
     * @param label         backend kind and model file name, e.g. {@code bpu EfficientNet_B2_224x224_nv12.bin}
     * @param file          the results file as given
     * @param fileSha256    its SHA-256
     * @param simulated     true for the int8 simulation on the PC ({@code sim}): never a board figure
     * @param backend       what ran the model
     * @param model         the model file and its hash
     * @param dataset       the images and labels
     * @param preprocessing every preprocessing parameter
     * @param imagesInFile  images the file holds (before pairing)
     * @param failures      images the run could not evaluate
     * @param provenance    the run's provenance
     */
    public record Side(String name, String label, String file, String fileSha256, boolean simulated,
            EvaluationResults.Backend backend, EvaluationResults.Model model, EvaluationResults.Dataset dataset,
            PreprocessSpec preprocessing, int imagesInFile, int failures, Provenance provenance) {
    }

    /**
     * @param paired       images compared
     * @param onlyInA      images only A evaluated (dropped)
     * @param onlyInB      images only B evaluated (dropped)
     * @param intersected  whether different image sets were intersected on request ({@code --intersect})
     * @param sameManifest whether both runs recorded the same dataset manifest
     */
    public record PairingSummary(int paired, int onlyInA, int onlyInB, boolean intersected, boolean sameManifest) {
    }

    /** A proportion with its Wilson interval. */
    public record Rate(int correct, int images, double value, Interval interval) {
    }

    /**
     * B − A for paired data.
     *
     * @param value    the difference, a fraction
     * @param interval its interval
     * @param method   the method of the interval
     */
    public record Delta(double value, Interval interval, String method) {
    }

    /**
     * McNemar's exact test on the discordant pairs.
     *
     * @param lost   right in A, wrong in B
     * @param gained wrong in A, right in B
     * @param pValue two-sided exact p-value (NaN without images)
     */
    public record McNemarTest(int lost, int gained, double pValue) {
    }

    /** One accuracy measure (Top-1 or Top-5) on both sides. */
    public record Accuracy(Rate a, Rate b, Delta delta, McNemarTest mcnemar) {
    }

    /**
     * @param top1Same    images where both runs predict the same top-1 class
     * @param images      images compared
     * @param top1Rate    {@code top1Same / images}
     * @param top5Overlap mean share of the top-5 classes the two runs have in common
     */
    public record Agreement(int top1Same, int images, double top1Rate, double top5Overlap) {
    }

    /** What happened to an image between A and B at Top-1. */
    public enum Change {
        LOST, GAINED, BOTH_RIGHT, BOTH_WRONG
    }

    /**
     * One paired image, in dataset label space.
     *
     * @param id        the image id
     * @param label     its dataset class
     * @param labelName the class name, {@code null} when unknown
     * @param aTop1     A's top-1 class
     * @param aTop1Name its name
     * @param aScore    A's top-1 score (NaN when the results hold no scores)
     * @param aTop5     whether A has the label in its top-5
     * @param bTop1     B's top-1 class
     * @param bTop1Name its name
     * @param bScore    B's top-1 score
     * @param bTop5     whether B has the label in its top-5
     * @param change    the Top-1 outcome
     */
    public record PairedImage(String id, int label, String labelName, int aTop1, String aTop1Name, float aScore,
            boolean aTop5, int bTop1, String bTop1Name, float bScore, boolean bTop5, Change change) {
        public boolean aCorrect() {
            return change == Change.LOST || change == Change.BOTH_RIGHT;
        }

        public boolean bCorrect() {
            return change == Change.GAINED || change == Change.BOTH_RIGHT;
        }
    }

    /**
     * Top-1 of one dataset class on both sides.
     *
     * @param label    the dataset class
     * @param name     its name, {@code null} when unknown
     * @param images   its paired images
     * @param aCorrect right in A
     * @param bCorrect right in B
     * @param lost     right in A, wrong in B
     * @param gained   wrong in A, right in B
     * @param delta    {@code (bCorrect − aCorrect) / images}
     */
    public record ClassDelta(int label, String name, int images, int aCorrect, int bCorrect, int lost, int gained,
            double delta) {
        /** Net change in right images, B − A. */
        public int net() {
            return bCorrect - aCorrect;
        }
    }
}
