package org.rdkzoo.evaluator.report;

import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.rdkzoo.evaluator.compare.CompareFixtures;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.LoadedResults;

/**
 * Results of two models for report tests. EfficientNet-B2: float 8/10, board 6/10 (the ten-image
 * comparison: paired change -20 points, McNemar p = 0.625), simulation 7/10 (img0 right again), a bench
 * of the board's .bin. MobileNetV3: a float run on 4 images (3 right) and a board run on 5 other images
 * (2 right), whose file names do not normalise to the same model.
 */
public final class ZooFixtures {
    public static final String B2_BIN_SHA = "b2b2b2b2b2b2b2b2";

    private ZooFixtures() {
    }

    public static LoadedResults b2Float() {
        return new LoadedResults("b2-float.json", "f1", CompareFixtures.named(results("onnxruntime",
                "/models/efficientnet_b2.onnx")).images(CompareFixtures.referenceImages()).build());
    }

    public static LoadedResults b2Board() {
        return new LoadedResults("b2-board.json", "f2", CompareFixtures.named(results("bpu",
                "EfficientNet_B2_224x224_nv12.bin").sha(B2_BIN_SHA)).images(CompareFixtures.candidateImages()).build());
    }

    public static LoadedResults b2Sim() {
        List<EvaluationResults.ImageResult> images = new ArrayList<>(CompareFixtures.candidateImages());
        images.set(0, image("img0", 0, 0, .7f));
        return new LoadedResults("b2-sim.json", "f3", results("sim", "work/EfficientNet_B2_quantized_model.onnx")
                .images(images).build());
    }

    public static LoadedResults v3Float() {
        return new LoadedResults("v3-float.json", "f4", results("onnxruntime", "mobilenetv3_large_100.onnx")
                .subset(4, 1L, null, null).images(List.of(image("a", 1, 1, .9f), image("b", 2, 2, .9f),
                        image("c", 3, 3, .9f), image("d", 4, 5, .9f))).build());
    }

    public static LoadedResults v3Board() {
        return new LoadedResults("v3-board.json", "f5", results("bpu", "MobileNetV3_224x224_nv12.bin")
                .subset(5, 2L, null, null).images(List.of(image("e", 1, 1, .9f), image("f", 2, 2, .9f),
                        image("g", 3, 0, .9f), image("h", 4, 0, .9f), image("i", 5, 0, .9f))).build());
    }

    public static LoadedBench b2Bench() {
        return new LoadedBench("b2-bench.json", "f6", org.rdkzoo.evaluator.results.ResultsFixtures.bench(B2_BIN_SHA));
    }

    public static List<PublishedFigures> published() {
        return List.of(new PublishedFigures("efficientnet_b2", 9.07, 76.50, 73.25, 3.31, 10.51, 376.77,
                "rdk_model_zoo samples/vision/classification/EfficientNet/README.md"),
                new PublishedFigures("mobilenetv3", null, 74.75, 64.75, null, null, null, "zoo README"));
    }

    /** Counts 9,110,000 parameters for any efficientnet_b2.onnx, nothing otherwise. */
    public static final ParamsCounter PARAMS = model -> model.getFileName().toString().equals("efficientnet_b2.onnx")
            ? OptionalLong.of(9_110_000) : OptionalLong.empty();

    public static ReportInputs all(List<ReportInputs.Pair> pairs) {
        return new ReportInputs(List.of(b2Float(), b2Board(), b2Sim(), v3Float(), v3Board()), List.of(b2Bench()),
                published(), pairs);
    }
}
