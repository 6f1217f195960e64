package org.rdkzoo.evaluator.results;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.runtime.bench.BenchResult;
import org.rdkzoo.runtime.bench.LatencyStats;
import org.rdkzoo.runtime.bench.Throughput;

/**
 * Small results documents built in code for tests of compare, merge and report (shared with cli tests
 * through the test-jar). Every figure a test asserts is derivable by hand from the images given here.
 */
public final class ResultsFixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    public static final String MANIFEST = "5e7a0c4f9b1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff0011";

    private ResultsFixtures() {
    }

    /**
     * An image whose top-5 holds {@code top1} first and four classes that are neither the label nor
     * {@code top1}, so it is right at Top-5 exactly when it is right at Top-1.
     */
    public static ImageResult image(String id, int label, int top1, float score) {
        int[] top5 = new int[5];
        float[] scores = new float[5];
        top5[0] = top1;
        scores[0] = score;
        int next = 990;
        for (int i = 1; i < 5; i++) {
            while (next == label || next == top1) {
                next++;
            }
            top5[i] = next++;
            scores[i] = (1 - score) / 8;
        }
        return new ImageResult(id, label, top5, scores);
    }

    /** An image wrong at Top-1 ({@code top1}) but with the label second, so right at Top-5. */
    public static ImageResult top5Hit(String id, int label, int top1, float score) {
        ImageResult r = image(id, label, top1, score);
        int[] top5 = r.top5();
        top5[1] = label;
        return new ImageResult(id, label, top5, r.scores());
    }

    /**
     * A bench of EfficientNet-B2's .bin with the zoo's published figures: 3.31 ms single-thread, 10.51 ms per
     * inference and 376.77 FPS with 4 threads (and a 1-thread FPS run, which is not the multi-thread figure).
     */
    public static BenchResults bench(String sha256) {
        return BenchResults.of(new BenchResults.Model("EfficientNet_B2_224x224_nv12.bin", sha256,
                        "EfficientNet_B2_224x224_nv12", null),
                new BenchResult("EfficientNet_B2_224x224_nv12", new LatencyStats(200, 3.31, 3.29, 3.6, 3.2, 4.1),
                        List.of(new Throughput(1, 200, 662.0, 302.1, 3.30, 4.0),
                                new Throughput(4, 200, 530.8, 376.77, 10.51, 14.0))),
                "1.24.5", Provenance.start(CLOCK, List.of("bench"), Map.of("libdnn", "1.24.5")).finish(CLOCK));
    }

    public static Builder results(String backend, String modelPath) {
        return new Builder(backend, modelPath);
    }

    /** Builds one results document; defaults describe a float run on a small dataset. */
    public static final class Builder {
        private final String backend;
        private final String modelPath;
        private String modelSha = "aa11";
        private String catalogId;
        private String manifest = MANIFEST;
        private String datasetId = "imagenet-sample";
        private String root = "/data/imagenet-sample";
        private int total = 1000;
        private EvaluationResults.Subset subset;
        private int offset;
        private PreprocessSpec preprocessing = PreprocessSpec.oe();
        private final List<ImageResult> images = new ArrayList<>();
        private final List<EvaluationResults.Failure> failures = new ArrayList<>();
        private final Map<Integer, String> names = new HashMap<>();
        private List<String> labelNames = List.of();
        private Map<String, String> versions = Map.of("onnxruntime", "1.29.0");

        private Builder(String backend, String modelPath) {
            this.backend = backend;
            this.modelPath = modelPath;
        }

        public Builder sha(String sha) {
            this.modelSha = sha;
            return this;
        }

        public Builder catalogId(String id) {
            this.catalogId = id;
            return this;
        }

        public Builder manifest(String sha) {
            this.manifest = sha;
            return this;
        }

        public Builder root(String path) {
            this.root = path;
            return this;
        }

        public Builder total(int n) {
            this.total = n;
            return this;
        }

        public Builder subset(Integer limit, Long seed, Integer shardIndex, Integer shardCount) {
            this.subset = new EvaluationResults.Subset(limit, seed, shardIndex, shardCount);
            return this;
        }

        public Builder offset(int labelOffset) {
            this.offset = labelOffset;
            return this;
        }

        public Builder preprocessing(PreprocessSpec spec) {
            this.preprocessing = spec;
            return this;
        }

        public Builder versions(Map<String, String> v) {
            this.versions = v;
            return this;
        }

        /** The name of a dataset class (per-class metrics carry the names, as an evaluation writes them). */
        public Builder name(int datasetLabel, String name) {
            names.put(datasetLabel, name);
            return this;
        }

        /** Class names in the label map, by dataset label (as a label file gives them). */
        public Builder labelNames(List<String> n) {
            this.labelNames = n;
            return this;
        }

        public Builder images(List<ImageResult> more) {
            images.addAll(more);
            return this;
        }

        public Builder image(ImageResult r) {
            images.add(r);
            return this;
        }

        public Builder failure(String id, String reason) {
            failures.add(new EvaluationResults.Failure(id, reason));
            return this;
        }

        public EvaluationResults build() {
            // Per-class names keyed by the model's class index, as the evaluation writes them.
            Map<Integer, String> byModelIndex = new HashMap<>();
            names.forEach((datasetLabel, name) -> byModelIndex.put(datasetLabel + offset, name));
            EvaluationResults.Metrics metrics = ShardMerger.metrics(images, failures.size(), byModelIndex);
            List<String> ids = new java.util.ArrayList<>(images.stream().map(ImageResult::id).toList());
            failures.forEach(f -> ids.add(f.id()));
            return new EvaluationResults(EvaluationResults.FORMAT,
                    new EvaluationResults.Backend(backend, versions, Map.of("threads", 1)),
                    new EvaluationResults.Model(modelPath, modelSha, catalogId, "input", List.of(1L, 3L, 224L, 224L),
                            1000 + offset),
                    new EvaluationResults.Dataset(datasetId, root, "class-folders", manifest, total, subset,
                            new EvaluationResults.LabelMap("wnid-sorted", null, offset, 1000 + offset, labelNames),
                            ImageIds.sha256(ids)),
                    preprocessing, metrics, images, failures,
                    Provenance.start(CLOCK, List.of("eval", modelPath), versions).finish(CLOCK));
        }
    }
}
