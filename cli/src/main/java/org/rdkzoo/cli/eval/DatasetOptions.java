package org.rdkzoo.cli.eval;

import java.nio.file.Path;
import java.util.List;

import org.rdkzoo.evaluator.dataset.DatasetLayout;
import org.rdkzoo.evaluator.dataset.Subsets;
import org.rdkzoo.evaluator.eval.EvaluationRequest;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The dataset and run options that {@code eval} and {@code sim} share: which images, with which labels, which
 * subset, how many threads, and what to do with unreadable images and checkpoints.
 */
public final class DatasetOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DATA", description = "The dataset: a folder or a .tar.")
    Path data;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "The label of every image: 'name label' lines (val.txt, ILSVRC2012_val_ground_truth.txt) "
                    + "or a CSV with a header (file and class_index or wnid columns).")
    Path groundTruth;

    @Option(names = "--data-layout", paramLabel = "LAYOUT",
            description = "Force the dataset layout: class-folders, flat, wnid-prefix or tar (default: detected).")
    String dataLayout;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names: synset_words.txt, imagenet_class_index.json, ImageNet_1k.json, or one name "
                    + "per line (default: the 1000 ImageNet classes in WordNet-id order).")
    Path labels;

    @Option(names = "--label-offset", paramLabel = "K",
            description = "Model class = dataset class + K: 1 for 1001-class models with a background class 0 "
                    + "(default: 1 when the label file starts with 'background', else 0).")
    Integer labelOffset;

    @Option(names = "--limit", paramLabel = "N",
            description = "Evaluate a class-stratified sample of N images (reproducible with --seed).")
    Integer limit;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the --limit sample (default: ${DEFAULT-VALUE}).")
    long seed = Subsets.DEFAULT_SEED;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Evaluate shard I of N disjoint slices (merge the results later); applied after --limit.")
    String shard;

    @Option(names = "--threads", paramLabel = "T", description = "Decoding threads (default: one per core).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "B",
            description = "Images per inference call when the model's batch axis is dynamic (default: 8).")
    Integer batch;

    @Option(names = "--strict", description = "Stop at the first unreadable image (exit 2), or the first image the BPU "
            + "fails on (exit 1), instead of listing it.")
    boolean strict;

    @Option(names = "--restart", description = "Discard the checkpoint of an interrupted run instead of resuming it.")
    boolean restart;

    /** The request these options describe, for a model and the preprocessing the command resolved. */
    EvaluationRequest request(Path model, String catalogId, PreprocessOverrides preprocessing) {
        Integer shardIndex = null;
        Integer shardCount = null;
        if (shard != null) {
            String[] parts = shard.split("/");
            try {
                shardIndex = Integer.parseInt(parts[0].strip());
                shardCount = Integer.parseInt(parts[1].strip());
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--shard: expected I/N (like 2/4), found '" + shard
                        + "'");
            }
        }
        DatasetLayout layout = null;
        if (dataLayout != null) {
            try {
                layout = DatasetLayout.parse(dataLayout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--data-layout: " + e.getMessage());
            }
        }
        return EvaluationRequest.builder(model, data)
                .catalogId(catalogId)
                .layout(layout)
                .groundTruth(groundTruth)
                .labels(labels)
                .labelOffset(labelOffset)
                .preprocessing(preprocessing)
                .limit(limit)
                .seed(seed)
                .shard(shardIndex, shardCount)
                .decodeThreads(threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()))
                .batch(batch)
                .strict(strict)
                .restart(restart)
                .commandLine(List.copyOf(spec.commandLine().getParseResult().originalArgs()))
                .build();
    }
}
