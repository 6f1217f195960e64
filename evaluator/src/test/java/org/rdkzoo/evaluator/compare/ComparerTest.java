package org.rdkzoo.evaluator.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.compare.Comparison.Change;
import org.rdkzoo.evaluator.compare.Comparison.ClassDelta;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.results.RecordDiff;
import org.rdkzoo.evaluator.stats.Confidence;
import org.rdkzoo.evaluator.stats.PairedDifference;
import org.rdkzoo.evaluator.stats.Wilson;

class ComparerTest {
    private static final Confidence C95 = Confidence.NINETY_FIVE;

    private static Comparison compare(LoadedResults a, LoadedResults b, boolean intersect, Threshold t)
            throws IncompatibleResultsException {
        return Comparer.compare(a, b, new CompareOptions(intersect, t, C95), CompareFixtures.PROVENANCE);
    }

    private static Threshold maxDrop(double points) {
        return new Threshold(Threshold.Kind.ABSOLUTE, points, Threshold.Rule.POINT);
    }

    @Test
    void tenImageComparisonMatchesTheHandCount() throws Exception {
        Comparison c = CompareFixtures.tenImages(null);

        assertEquals(10, c.pairing().paired());
        assertEquals(new Comparison.Rate(8, 10, 0.8, Wilson.interval(8, 10, C95)), c.top1().a());
        assertEquals(new Comparison.Rate(6, 10, 0.6, Wilson.interval(6, 10, C95)), c.top1().b());
        assertEquals(-0.2, c.top1().delta().value(), 1e-15);
        assertEquals(PairedDifference.interval(5, 1, 3, 1, C95), c.top1().delta().interval());
        // McNemar: 3 lost, 1 gained: 2 * P(X <= 1 | n = 4) = 2 * 5/16.
        assertEquals(new Comparison.McNemarTest(3, 1, 10.0 / 16), c.top1().mcnemar());
        assertEquals(new Comparison.Rate(7, 10, 0.7, Wilson.interval(7, 10, C95)), c.top5().b());
        assertEquals(new Comparison.McNemarTest(2, 1, 1.0), c.top5().mcnemar());

        assertEquals(6, c.agreement().top1Same());
        assertEquals(0.6, c.agreement().top1Rate(), 1e-15);
        assertEquals(0.92, c.agreement().top5Overlap(), 1e-12);

        // Most confident first: A's scores .90, .80, .70.
        assertEquals(List.of("img0", "img1", "img2"), c.lost().stream().map(Comparison.PairedImage::id).toList());
        assertEquals(List.of("img8"), c.gained().stream().map(Comparison.PairedImage::id).toList());
        Comparison.PairedImage first = c.lost().get(0);
        assertEquals(new Comparison.PairedImage("img0", 0, "tench", 0, "tench", .90f, true, 7, "cock", .60f, true,
                Change.LOST), first);

        assertEquals(List.of(0, 1, 2, 3, 4), c.classes().stream().map(ClassDelta::label).toList());
        assertEquals(new ClassDelta(0, "tench", 2, 2, 0, 2, 0, -1.0), c.classes().get(0));
        assertEquals(new ClassDelta(4, "hammerhead", 2, 0, 1, 0, 1, 0.5), c.classes().get(4));

        assertEquals(Verdict.Status.NONE, c.verdict().status());
        assertEquals(20.0, c.verdict().dropPoints(), 1e-12);
        assertFalse(c.verdict().significant(), "3 against 1 on 10 images is within noise");
        assertEquals(List.of(new Provenance.InputFile("float.json", "f00d"), new Provenance.InputFile("board.json",
                "b0a7")), c.provenance().inputs());
    }

    @Test
    void flipsAreListedMostConfidentFirst() throws Exception {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx").images(List.of(
                image("p", 1, 1, .5f), image("q", 1, 1, .9f), image("r", 1, 7, .3f), image("s", 1, 7, .3f))).build());
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").images(List.of(
                image("p", 1, 2, .5f), image("q", 1, 2, .9f), image("r", 1, 1, .4f), image("s", 1, 1, .8f))).build());
        Comparison c = compare(a, b, false, null);
        assertEquals(List.of("q", "p"), c.lost().stream().map(Comparison.PairedImage::id).toList());
        assertEquals(List.of("s", "r"), c.gained().stream().map(Comparison.PairedImage::id).toList());
    }

    @Test
    void sidesAreLabelledByBackendAndModelFile() throws Exception {
        Comparison c = CompareFixtures.tenImages(null);
        assertEquals("onnxruntime efficientnet_b2.onnx", c.a().label());
        assertEquals("bpu EfficientNet_B2_224x224_nv12.bin", c.b().label());
        assertFalse(c.b().simulated());
        List<String> fields = c.differences().stream().map(RecordDiff.Difference::field).toList();
        assertTrue(fields.containsAll(List.of("backend.kind", "backend.versions", "model.file", "model.sha256")),
                fields.toString());
        assertFalse(fields.stream().anyMatch(f -> f.startsWith("preprocessing")), fields.toString());
    }

    @Test
    void identicalRunsHaveZeroDeltaPValueOneAndNoFlips() throws Exception {
        LoadedResults a = CompareFixtures.reference();
        Comparison c = compare(a, new LoadedResults("again.json", "f00d", a.results()), false, maxDrop(0));
        assertEquals(0.0, c.top1().delta().value());
        assertEquals(1.0, c.top1().mcnemar().pValue());
        assertEquals(1.0, c.top5().mcnemar().pValue());
        assertTrue(c.lost().isEmpty() && c.gained().isEmpty());
        assertEquals(1.0, c.agreement().top1Rate());
        assertEquals(1.0, c.agreement().top5Overlap());
        assertTrue(c.top1().delta().interval().lower() < 0 && c.top1().delta().interval().upper() > 0);
        assertTrue(c.differences().isEmpty(), c.differences().toString());
        assertEquals(Verdict.Status.PASS, c.verdict().status(), "a drop of 0 is within --max-drop 0");
        assertTrue(c.verdict().summary().startsWith("PASS: Top-1 did not change"), c.verdict().summary());
    }

    @Test
    void emptyComparisonIsUndefinedNotACrash() throws Exception {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx").build());
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").build());
        Comparison c = compare(a, b, false, maxDrop(1));
        assertEquals(0, c.pairing().paired());
        assertTrue(Double.isNaN(c.top1().a().value()));
        assertFalse(c.top1().a().interval().defined());
        assertTrue(Double.isNaN(c.top1().delta().value()));
        assertFalse(c.top1().delta().interval().defined());
        assertTrue(Double.isNaN(c.top1().mcnemar().pValue()));
        assertTrue(Double.isNaN(c.agreement().top1Rate()));
        assertTrue(c.classes().isEmpty());
        assertEquals(Verdict.Status.UNDETERMINED, c.verdict().status());
        assertFalse(c.verdict().exceeded());
        assertEquals("UNDETERMINED: no paired images, nothing to judge against --max-drop 1.", c.verdict().summary());
        assertEquals("No paired images: nothing to compare.", compare(a, b, false, null).verdict().summary());
    }

    @Test
    void everyImageFlippedGivesMinusOneAndTheExactPValue() throws Exception {
        List<EvaluationResults.ImageResult> right = new ArrayList<>();
        List<EvaluationResults.ImageResult> wrong = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            right.add(image("i" + i, i, i, .9f));
            wrong.add(image("i" + i, i, i + 100, .8f));
        }
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx").images(right).build());
        LoadedResults b = new LoadedResults("b.json", null, results("sim", "m_quantized_model.onnx").images(wrong).build());
        Comparison c = compare(a, b, false, maxDrop(50));
        assertEquals(-1.0, c.top1().delta().value());
        assertEquals(6, c.lost().size());
        assertEquals(0, c.agreement().top1Same());
        // 6 discordant pairs, all one way: 2 * (1/2)^6.
        assertEquals(2.0 / 64, c.top1().mcnemar().pValue(), 1e-15);
        assertTrue(c.top1().delta().interval().excludes(0));
        assertTrue(c.top1().delta().interval().lower() >= -1);
        assertTrue(c.b().simulated());
        assertEquals(Verdict.Status.FAIL, c.verdict().status());
        assertTrue(c.verdict().significant());

        Comparison back = compare(b, a, false, null);
        assertEquals(1.0, back.top1().delta().value());
        assertEquals(6, back.gained().size());
        assertEquals(2.0 / 64, back.top1().mcnemar().pValue(), 1e-15);
    }

    @Test
    void thresholdIsJudgedOnThePointEstimateByDefault() throws Exception {
        Comparison fail = CompareFixtures.tenImages(maxDrop(1.0));
        assertEquals(Verdict.Status.FAIL, fail.verdict().status());
        assertTrue(fail.verdict().exceeded());
        assertEquals(1.0, fail.verdict().allowedPoints());
        assertTrue(fail.verdict().summary().startsWith("FAIL: Top-1 dropped by 20.00 points (95% CI of the drop "),
                fail.verdict().summary());
        assertTrue(fail.verdict().summary().endsWith("not significant (McNemar exact p = 0.6250); the measured drop"
                + " exceeds the 1.00 points allowed (--max-drop 1)."), fail.verdict().summary());
        assertEquals(Verdict.Status.PASS, CompareFixtures.tenImages(maxDrop(20.0)).verdict().status(),
                "a drop equal to the allowance passes");
    }

    @Test
    void relativeThresholdIsAFractionOfTheReferenceTop1() throws Exception {
        // A's Top-1 is 80%: 25% of it is 20 points, exactly the drop.
        Threshold rel = new Threshold(Threshold.Kind.RELATIVE, 0.25, Threshold.Rule.POINT);
        Verdict v = CompareFixtures.tenImages(rel).verdict();
        assertEquals(20.0, v.allowedPoints(), 1e-12);
        assertEquals(Verdict.Status.PASS, v.status());
        assertTrue(v.summary().contains("(--max-drop-rel 0.25 of A's 80.00)"), v.summary());
        assertEquals(Verdict.Status.FAIL, CompareFixtures.tenImages(
                new Threshold(Threshold.Kind.RELATIVE, 0.2, Threshold.Rule.POINT)).verdict().status());
    }

    @Test
    void boundRulesJudgeTheIntervalInsteadOfThePoint() throws Exception {
        Verdict point = CompareFixtures.tenImages(maxDrop(25)).verdict();
        double upper = point.dropInterval().upper();
        double lower = point.dropInterval().lower();
        assertTrue(lower < 0 && upper > 25, point.dropInterval().toString());
        assertEquals(Verdict.Status.PASS, point.status());
        // The same data fail the strict rule: the interval reaches past 25 points.
        Verdict strict = CompareFixtures.tenImages(new Threshold(Threshold.Kind.ABSOLUTE, 25,
                Threshold.Rule.UPPER_BOUND)).verdict();
        assertEquals(Verdict.Status.FAIL, strict.status());
        assertTrue(strict.summary().contains("the upper 95% limit of the drop"), strict.summary());
        // And pass the lenient one even at an allowance of 1 point: the drop is not significantly above it.
        Verdict lenient = CompareFixtures.tenImages(new Threshold(Threshold.Kind.ABSOLUTE, 1,
                Threshold.Rule.LOWER_BOUND)).verdict();
        assertEquals(Verdict.Status.PASS, lenient.status());
    }

    @Test
    void differentDatasetsAreRefusedWithWhatDiffersAndHowMuch() {
        LoadedResults a = CompareFixtures.reference();
        List<EvaluationResults.ImageResult> other = new ArrayList<>(CompareFixtures.candidateImages().subList(0, 8));
        other.add(image("other1", 1, 1, .9f));
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").manifest("ffee0011223344556677")
                .images(other).failure("img8", "decode error").build());
        IncompatibleResultsException e = assertThrows(IncompatibleResultsException.class,
                () -> compare(a, b, false, null));
        assertEquals("float.json and b.json were not evaluated on the same images: different datasets"
                + " (dataset.manifestSha256 5e7a0c4f9b1d... of 'imagenet-sample' vs ffee00112233... of"
                + " 'imagenet-sample'); 2 ids only in float.json (e.g. 'img8', 'img9'; 1 of them failed in b.json),"
                + " 1 only in b.json (e.g. 'other1'). Pass --intersect to compare the 8 images both evaluated.",
                e.getMessage());
    }

    @Test
    void differentSubsetsOfOneDatasetAreRefusedToo() {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx").subset(4, 1L, null, null)
                .images(CompareFixtures.referenceImages().subList(0, 4)).build());
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").subset(4, 2L, null, null)
                .images(CompareFixtures.candidateImages().subList(2, 6)).build());
        String m = assertThrows(IncompatibleResultsException.class, () -> compare(a, b, false, null)).getMessage();
        assertTrue(m.contains("different subsets (--limit 4 --seed 1 vs --limit 4 --seed 2); 2 ids only in a.json"), m);
    }

    @Test
    void intersectPairsTheCommonImagesAndSaysHowManyWereDropped() throws Exception {
        LoadedResults a = CompareFixtures.reference();
        LoadedResults b = new LoadedResults("b.json", null, CompareFixtures.named(results("bpu", "m.bin").manifest("ff"))
                .images(CompareFixtures.candidateImages().subList(0, 7)).image(image("extra", 1, 1, .5f)).build());
        Comparison c = compare(a, b, true, null);
        assertEquals(new Comparison.PairingSummary(7, 3, 1, true, false), c.pairing());
        // img0..img6: A 7/7 right, B 4/7 (img3..6): 3 lost.
        assertEquals(7, c.top1().a().correct());
        assertEquals(4, c.top1().b().correct());
        assertEquals(3, c.top1().mcnemar().lost());
    }

    @Test
    void disagreeingLabelsAreRefusedNamingTheImage() {
        LoadedResults a = CompareFixtures.reference();
        List<EvaluationResults.ImageResult> relabelled = new ArrayList<>(CompareFixtures.candidateImages());
        relabelled.set(3, image("img3", 4, 1, .9f));
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").images(relabelled).build());
        String m = assertThrows(IncompatibleResultsException.class, () -> compare(a, b, true, null)).getMessage();
        assertTrue(m.startsWith("the two results disagree on the ground truth of 1 image: 'img3' is class 1 in"
                + " float.json and 4 in b.json"), m);
    }

    @Test
    void aThousandAndOneClassModelPairsWithAThousandClassOneThroughTheLabelOffset() throws Exception {
        List<EvaluationResults.ImageResult> shifted = CompareFixtures.candidateImages().stream()
                .map(r -> new EvaluationResults.ImageResult(r.id(), r.label() + 1,
                        java.util.Arrays.stream(r.top5()).map(k -> k + 1).toArray(), r.scores()))
                .toList();
        LoadedResults b = new LoadedResults("tf.json", null, results("bpu", "tf.bin").offset(1).images(shifted).build());
        Comparison c = compare(CompareFixtures.reference(), b, false, null);
        Comparison plain = CompareFixtures.tenImages(null);
        assertEquals(plain.top1(), c.top1());
        assertEquals(plain.agreement(), c.agreement());
        assertEquals(7, c.lost().get(0).bTop1(), "predictions are reported in dataset label space");
    }

    @Test
    void preprocessingDifferencesAreListedFieldByField() throws Exception {
        LoadedResults a = CompareFixtures.reference();
        LoadedResults b = new LoadedResults("b.json", null, results("onnxruntime", "models/efficientnet_b2.onnx")
                .preprocessing(PreprocessSpec.oe().withNv12(true)).images(CompareFixtures.candidateImages()).build());
        List<RecordDiff.Difference> d = compare(a, b, false, null).differences();
        assertEquals(List.of(new RecordDiff.Difference("preprocessing.nv12", "false", "true")), d);
    }

    @Test
    void aFileListingAnImageTwiceIsRefused() {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx")
                .image(image("x", 1, 1, .5f)).image(image("x", 1, 1, .5f)).build());
        String m = assertThrows(IncompatibleResultsException.class,
                () -> compare(a, CompareFixtures.candidate(), true, null)).getMessage();
        assertEquals("a.json lists image 'x' twice; a results file has one entry per image", m);
    }
}
