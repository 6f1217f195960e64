package org.rdkzoo.evaluator.results;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * The one results document every evaluation writes (float on ONNX Runtime, quantized on the BPU,
 * simulated int8), and the only thing {@code compare}, {@code results merge} and {@code report} read.
 * Two documents pair image by image through {@link ImageResult#id()}.
 *
 * @param format        {@link #FORMAT}; readers refuse other major versions
 * @param backend       what ran the model
 * @param model         the model file
 * @param dataset       the images, their labels and the subset taken
 * @param preprocessing every preprocessing parameter
 * @param metrics       the overall and per-class counts
 * @param images        per image: id, label, top-5 classes and scores, in dataset order
 * @param failures      images that could not be read or run, and why
 * @param provenance    rdkzoo version, host, times, versions of what ran
 */
public record EvaluationResults(
        String format,
        Backend backend,
        Model model,
        Dataset dataset,
        PreprocessSpec preprocessing,
        Metrics metrics,
        List<ImageResult> images,
        List<Failure> failures,
        Provenance provenance) {

    public static final String FORMAT = "rdkzoo.results/1";

    public EvaluationResults {
        images = images == null ? List.of() : List.copyOf(images);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /**
     * @param kind     {@code onnxruntime}, {@code bpu} or {@code sim}
     * @param versions component versions ({@code onnxruntime}, {@code libdnn}, ...)
     * @param settings backend settings worth recording (threads, batch, for sim the calibration)
     */
    public record Backend(String kind, Map<String, String> versions, Map<String, Object> settings) {
        public Backend {
            Objects.requireNonNull(kind, "kind");
            versions = versions == null ? Map.of() : Map.copyOf(versions);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    /**
     * @param path       the file as given
     * @param sha256     its SHA-256
     * @param catalogId  the catalog id when the model came from the catalog, else {@code null}
     * @param inputName  the input tensor's name
     * @param inputShape the input tensor's shape as the model declares it (-1 for a dynamic axis)
     * @param classes    number of output classes
     */
    public record Model(String path, String sha256, String catalogId, String inputName, List<Long> inputShape,
            int classes) {
        public Model {
            inputShape = inputShape == null ? List.of() : List.copyOf(inputShape);
        }
    }

    /**
     * @param id             a stable name of the dataset (its folder or archive name)
     * @param root           the path as given
     * @param layout         {@code class-folders}, {@code flat+labels}, {@code wnid-prefix}, {@code tar}
     * @param manifestSha256 hash of the dataset manifest (every image id, size and label, sorted)
     * @param totalImages    images in the whole dataset, before any subset
     * @param subset         the subset taken ({@code --limit}, {@code --seed}, {@code --shard}), or {@code null}
     * @param labels         the label map used
     * @param imageIdsSha256 hash of the sorted ids of the images evaluated: equal hashes, same images
     */
    public record Dataset(String id, String root, String layout, String manifestSha256, int totalImages,
            Subset subset, LabelMap labels, String imageIdsSha256) {
    }

    /** {@code limit} and {@code seed} for a stratified subset; {@code shardIndex}/{@code shardCount} (1-based) for a shard. */
    public record Subset(Integer limit, Long seed, Integer shardIndex, Integer shardCount) {
    }

    /**
     * @param source  the label file (or {@code wnid-sorted} for the built-in 1000-class order)
     * @param sha256  its SHA-256, when it is a file
     * @param offset  added to a dataset label to get the model's class index (1 for 1001-class models)
     * @param classes number of classes in the map
     * @param names   the class names by dataset label ({@code names[i]} names label {@code i}), for reports;
     *                empty when unknown
     */
    public record LabelMap(String source, String sha256, int offset, int classes, List<String> names) {
        public LabelMap {
            names = names == null ? List.of() : List.copyOf(names);
        }

        /** A label map without class names (the shape before {@code names} was added). */
        public LabelMap(String source, String sha256, int offset, int classes) {
            this(source, sha256, offset, classes, List.of());
        }

        /** The name of dataset label {@code label}, {@code null} when the map has none. */
        public String name(int label) {
            return label >= 0 && label < names.size() ? names.get(label) : null;
        }
    }

    /** Overall counts; accuracies are fractions in 0..1 ({@code NaN} when no image was evaluated). */
    public record Metrics(int images, int top1, int top5, double top1Accuracy, double top5Accuracy, int failures,
            List<ClassMetrics> perClass) {
        public Metrics {
            perClass = perClass == null ? List.of() : List.copyOf(perClass);
        }
    }

    /**
     * Per class: its name, how many images, how many right at Top-1 and Top-5. {@code label} is keyed like
     * {@link ImageResult#label()} (the model's class index); the name is that of dataset label
     * {@code label - offset}.
     */
    public record ClassMetrics(int label, String name, int images, int top1, int top5) {
    }

    /**
     * One evaluated image.
     *
     * @param id     the image's id within the dataset (relative path with '/', or tar entry name)
     * @param label  its ground-truth class in the model's index space
     * @param top5   the five highest-scoring classes, best first
     * @param scores their scores (softmax probabilities when the model outputs logits), same order
     */
    public record ImageResult(String id, int label, int[] top5, float[] scores) {
        public ImageResult {
            Objects.requireNonNull(id, "id");
            top5 = top5.clone();
            scores = scores.clone();
        }

        public int top1() {
            return top5.length == 0 ? -1 : top5[0];
        }

        public boolean correctTop1() {
            return top5.length > 0 && top5[0] == label;
        }

        public boolean correctTop5() {
            for (int c : top5) {
                if (c == label) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ImageResult r && id.equals(r.id) && label == r.label && Arrays.equals(top5, r.top5)
                    && Arrays.equals(scores, r.scores);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, label, Arrays.hashCode(top5), Arrays.hashCode(scores));
        }

        @Override
        public String toString() {
            return "ImageResult[" + id + ", label=" + label + ", top5=" + Arrays.toString(top5) + "]";
        }
    }

    /** An image left out of the metrics: its id and the reason. */
    public record Failure(String id, String reason) {
    }
}
