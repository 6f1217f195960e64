package org.rdkzoo.evaluator.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.rdkzoo.evaluator.dataset.DatasetLayout;
import org.rdkzoo.evaluator.dataset.Subsets;

/**
 * Everything a user asks of one evaluation. {@code null} means "not given": the dataset, the label map and the
 * model fill it in.
 *
 * @param model         the model file
 * @param catalogId     the catalog id the model was resolved from, or {@code null}
 * @param data          the dataset folder or archive
 * @param layout        the dataset layout, or {@code null} to detect it
 * @param groundTruth   a ground-truth file, or {@code null}
 * @param labels        a label map file, or {@code null} for the built-in ImageNet classes
 * @param labelOffset   model class = dataset class + offset; {@code null} for the label map's implied offset
 * @param preprocessing the user's preprocessing choices
 * @param limit         a stratified subset of this many images, or {@code null} for all
 * @param seed          the subset's seed
 * @param shardIndex    1-based shard, or {@code null}
 * @param shardCount    number of shards, or {@code null}
 * @param decodeThreads threads decoding and preprocessing
 * @param batch         images per inference call, or {@code null} (8 when the batch axis is dynamic, else the model's)
 * @param strict        stop at the first unreadable image instead of recording it
 * @param restart       discard a checkpoint instead of resuming it
 * @param commandLine   the arguments, for the provenance
 */
public record EvaluationRequest(Path model, String catalogId, Path data, DatasetLayout layout, Path groundTruth,
        Path labels, Integer labelOffset, PreprocessOverrides preprocessing, Integer limit, long seed,
        Integer shardIndex, Integer shardCount, int decodeThreads, Integer batch, boolean strict,
        boolean restart, List<String> commandLine) {
    /** Images per inference call when the model's batch axis is dynamic and none is asked for. */
    public static final int DEFAULT_BATCH = 8;

    public EvaluationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        preprocessing = preprocessing == null ? PreprocessOverrides.none() : preprocessing;
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        if ((shardIndex == null) != (shardCount == null)) {
            throw new IllegalArgumentException("a shard needs both its index and the number of shards");
        }
    }

    /** A builder with the required parts; everything else defaults (whole dataset, built-in labels, oe). */
    public static Builder builder(Path model, Path data) {
        return new Builder(model, data);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(model, data);
        b.catalogId = catalogId;
        b.layout = layout;
        b.groundTruth = groundTruth;
        b.labels = labels;
        b.labelOffset = labelOffset;
        b.preprocessing = preprocessing;
        b.limit = limit;
        b.seed = seed;
        b.shardIndex = shardIndex;
        b.shardCount = shardCount;
        b.decodeThreads = decodeThreads;
        b.batch = batch;
        b.strict = strict;
        b.restart = restart;
        b.commandLine = commandLine;
        return b;
    }

    /** Builds a request; unset parts keep their defaults. */
    public static final class Builder {
        private final Path model;
        private final Path data;
        private String catalogId;
        private DatasetLayout layout;
        private Path groundTruth;
        private Path labels;
        private Integer labelOffset;
        private PreprocessOverrides preprocessing = PreprocessOverrides.none();
        private Integer limit;
        private long seed = Subsets.DEFAULT_SEED;
        private Integer shardIndex;
        private Integer shardCount;
        private int decodeThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Integer batch;
        private boolean strict;
        private boolean restart;
        private List<String> commandLine = List.of();

        private Builder(Path model, Path data) {
            this.model = model;
            this.data = data;
        }

        public Builder catalogId(String v) {
            catalogId = v;
            return this;
        }

        public Builder layout(DatasetLayout v) {
            layout = v;
            return this;
        }

        public Builder groundTruth(Path v) {
            groundTruth = v;
            return this;
        }

        public Builder labels(Path v) {
            labels = v;
            return this;
        }

        public Builder labelOffset(Integer v) {
            labelOffset = v;
            return this;
        }

        public Builder preprocessing(PreprocessOverrides v) {
            preprocessing = v;
            return this;
        }

        public Builder limit(Integer v) {
            limit = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder shard(Integer index, Integer count) {
            shardIndex = index;
            shardCount = count;
            return this;
        }

        public Builder decodeThreads(int v) {
            decodeThreads = v;
            return this;
        }

        public Builder batch(Integer v) {
            batch = v;
            return this;
        }

        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        public Builder restart(boolean v) {
            restart = v;
            return this;
        }

        public Builder commandLine(List<String> v) {
            commandLine = v;
            return this;
        }

        public EvaluationRequest build() {
            return new EvaluationRequest(model, catalogId, data, layout, groundTruth, labels, labelOffset,
                    preprocessing, limit, seed, shardIndex, shardCount, decodeThreads, batch, strict, restart,
                    commandLine);
        }
    }
}
