package org.rdkzoo.evaluator.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.dataset.Dataset;
import org.rdkzoo.evaluator.dataset.Datasets;
import org.rdkzoo.evaluator.dataset.ImageEntry;
import org.rdkzoo.evaluator.dataset.Subsets;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.UnreadableImageException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.labels.LabelMaps;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.EvaluationResults.Failure;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;
import org.rdkzoo.evaluator.results.ImageIds;
import org.rdkzoo.evaluator.results.ResultsFiles;

/**
 * One evaluation of a classifier on a dataset, in two steps: {@link #prepare} checks everything that can be
 * checked without reading an image (dataset layout and labels, label map against the model's classes, subset,
 * preprocessing against the model's input); {@link #run} evaluates, checkpointing as it goes, and writes the
 * results file.
 *
 * <pre>
 * open dataset → resolve labels → check model fits labels → subset → preprocessing        (prepare)
 * checkpoint → pipeline(read → decode+preprocess → infer → score) → metrics → results file (run)
 * </pre>
 *
 * Any backend works: the caller opens it ({@code OrtBackend} for ONNX, the BPU backend for {@code .bin}) and
 * closes it after.
 */
public final class Evaluator {
    private final EvaluationRequest request;
    private final InferenceBackend backend;
    private final Clock clock;
    private final Dataset dataset;
    private final LabelMap labels;
    private final int offset;
    private final List<ImageEntry> images;
    private final Map<String, Integer> classOf;
    private final PreprocessSpec spec;
    private final int batch;
    private final String modelSha256;
    private final EvaluationResults.Subset subset;
    private InputPreparer preparer;
    private volatile boolean cancelled;

    private Evaluator(EvaluationRequest request, InferenceBackend backend, Clock clock, Dataset dataset,
            LabelMap labels, int offset, List<ImageEntry> images, Map<String, Integer> classOf, PreprocessSpec spec,
            int batch, String modelSha256, EvaluationResults.Subset subset) {
        this.request = request;
        this.backend = backend;
        this.clock = clock;
        this.dataset = dataset;
        this.labels = labels;
        this.offset = offset;
        this.images = images;
        this.classOf = classOf;
        this.spec = spec;
        this.batch = batch;
        this.modelSha256 = modelSha256;
        this.subset = subset;
        this.preparer = new ImagePreparer(spec, backend.describe().inputForm());
    }

    /** Checks the request against the dataset and the model; reads no image. */
    public static Evaluator prepare(EvaluationRequest request, InferenceBackend backend, Clock clock)
            throws IOException {
        ModelDescription model = backend.describe();
        LabelMap labels = request.labels() == null ? LabelMaps.imagenet() : LabelMaps.read(request.labels());
        int offset = request.labelOffset() != null ? request.labelOffset() : labels.impliedOffset();
        if (offset < 0) {
            throw new InvalidInputException("--label-offset must not be negative, was " + offset);
        }
        LabelResolver.checkFits(request.model().toString(), model.classes(), labels, offset);
        PreprocessSpec spec = PreprocessDefaults.resolve(model, request.preprocessing());
        Dataset dataset = Datasets.open(request.data(), request.layout(), request.groundTruth());
        List<ImageEntry> images = dataset.manifest().entries();
        if (request.limit() != null) {
            if (request.limit() < 1) {
                throw new InvalidInputException("--limit must be at least 1, was " + request.limit());
            }
            images = Subsets.stratified(images, request.limit(), request.seed());
        }
        if (request.shardIndex() != null) {
            try {
                images = Subsets.shard(images, request.shardIndex(), request.shardCount());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--shard: " + e.getMessage(), e);
            }
        }
        int[] classes = LabelResolver.resolve(images, labels);
        Map<String, Integer> classOf = new HashMap<>(images.size() * 2);
        for (int i = 0; i < classes.length; i++) {
            classOf.put(images.get(i).id(), classes[i] + offset);
        }
        int batch;
        if (model.dynamicBatch()) {
            batch = request.batch() != null ? request.batch() : EvaluationRequest.DEFAULT_BATCH;
        } else {
            batch = model.batch();
            if (request.batch() != null && request.batch() != batch) {
                throw new InvalidInputException("--batch " + request.batch() + ": the model's batch size is fixed at "
                        + batch + " (input " + model.inputName() + " " + model.inputShape() + ")");
            }
        }
        if (batch < 1) {
            throw new InvalidInputException("--batch must be at least 1, was " + batch);
        }
        EvaluationResults.Subset subset = request.limit() == null && request.shardIndex() == null ? null
                : new EvaluationResults.Subset(request.limit(), request.limit() == null ? null : request.seed(),
                        request.shardIndex(), request.shardCount());
        return new Evaluator(request, backend, clock, dataset, labels, offset, List.copyOf(images), classOf, spec,
                batch, Sha256.of(request.model()), subset);
    }

    /** Replaces how images become model inputs (tests use synthetic images; the default decodes real ones). */
    public Evaluator withPreparer(InputPreparer p) {
        this.preparer = p;
        return this;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The images this evaluation covers, in manifest order. */
    public List<ImageEntry> images() {
        return images;
    }

    public PreprocessSpec preprocessing() {
        return spec;
    }

    public LabelMap labels() {
        return labels;
    }

    public int labelOffset() {
        return offset;
    }

    public int batch() {
        return batch;
    }

    /** Asks a running {@link #run} to stop after its current batch; safe from any thread (a shutdown hook). */
    public void cancel() {
        cancelled = true;
    }

    /** What identifies this evaluation for resuming: a checkpoint with another key belongs to another run. */
    public CheckpointKey key() {
        return new CheckpointKey(backend.identity(), modelSha256, dataset.manifest().sha256(),
                ImageIds.sha256(images.stream().map(ImageEntry::id).toList()), subset, labels.sha256(), offset,
                spec);
    }

    /**
     * A file name for the results when the user gives none: model, dataset and a hash of the {@link #key()}, so
     * that the same command finds its own checkpoint and another subset or preprocessing gets another file.
     */
    public String defaultResultsName() {
        String model = request.model().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String hash = Sha256.of(Json.write(key())).substring(0, 10);
        return (model + "_" + dataset.id() + "_" + hash).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    /**
     * Evaluates (resuming the checkpoint beside {@code out} when it holds this same run), writes the results file
     * atomically, deletes the checkpoint, and returns the results.
     *
     * @param out the results file; its checkpoint is {@link Checkpoint#pathFor(Path)}
     * @throws EvaluationInterruptedException when {@link #cancel()} stopped it (the checkpoint is kept)
     * @throws UnreadableImageException       with {@code strict}, at the first image that cannot be read
     */
    public EvaluationResults run(Path out, EvaluationListener listener)
            throws IOException, InterruptedException {
        CheckpointKey key = key();
        Map<String, ImageOutcome> outcomes = new HashMap<>(images.size() * 2);
        List<ImageEntry> todo;
        String started;
        Tally tally = new Tally();
        try (Checkpoint checkpoint = Checkpoint.open(out, key, request.restart(), clock)) {
            started = checkpoint.started();
            for (ImageOutcome o : checkpoint.done().values()) {
                if (classOf.containsKey(o.id())) {
                    outcomes.put(o.id(), o);
                    tally.add(o);
                }
            }
            todo = images.stream().filter(e -> !outcomes.containsKey(e.id())).toList();
            listener.started(images.size(), outcomes.size());
            Scorer scorer = new Scorer();
            Pipeline pipeline = new Pipeline(preparer, backend, scorer, new Pipeline.Settings(
                    Math.max(1, request.decodeThreads()), batch, spec.height(), spec.width()));
            boolean complete = pipeline.run(dataset, todo, batchOutcomes -> {
                for (ImageOutcome o : batchOutcomes) {
                    if (o.failure() != null && request.strict()) {
                        throw new UnreadableImageException(o.id(), o.failure().reason() + " (--strict stops at the "
                                + "first unreadable image; " + checkpoint.file() + " keeps the finished ones)");
                    }
                }
                checkpoint.append(batchOutcomes);
                for (ImageOutcome o : batchOutcomes) {
                    outcomes.put(o.id(), o);
                    tally.add(o);
                }
                listener.progress(outcomes.size(), tally.evaluated, tally.top1, tally.failures);
            }, () -> cancelled);
            if (!complete) {
                throw new EvaluationInterruptedException(outcomes.size(), images.size(), checkpoint.file());
            }
            EvaluationResults results = assemble(outcomes, scorer.rule, started, todo.size());
            ResultsFiles.write(out, results);
            checkpoint.complete();
            return results;
        }
    }

    private EvaluationResults assemble(Map<String, ImageOutcome> outcomes, ScoreRule rule, String started,
            int evaluatedNow) {
        List<ImageResult> results = new ArrayList<>(images.size());
        List<Failure> failures = new ArrayList<>();
        for (ImageEntry e : images) {
            ImageOutcome o = outcomes.get(e.id());
            if (o.result() != null) {
                results.add(o.result());
            } else {
                failures.add(o.failure());
            }
        }
        ModelDescription model = backend.describe();
        EvaluationResults.Backend ran = backend.record();
        Map<String, Object> settings = new LinkedHashMap<>(ran.settings());
        settings.put("decodeThreads", request.decodeThreads());
        settings.put("batch", batch);
        if (rule != null) {
            settings.put("scores", rule.description());
        }
        if (evaluatedNow < images.size()) {
            settings.put("resumedImages", images.size() - evaluatedNow);
        }
        Provenance provenance = Provenance.start(Clock.fixed(Instant.parse(started), ZoneOffset.UTC),
                request.commandLine(), ran.versions()).finish(clock);
        return new EvaluationResults(EvaluationResults.FORMAT,
                new EvaluationResults.Backend(ran.kind(), ran.versions(), settings),
                new EvaluationResults.Model(request.model().toString(), modelSha256, request.catalogId(),
                        model.inputName(), model.inputShape(), model.classes()),
                new EvaluationResults.Dataset(dataset.id(), dataset.root().toString(), dataset.layout().id(),
                        dataset.manifest().sha256(), dataset.manifest().size(), subset,
                        new EvaluationResults.LabelMap(labels.source(), labels.sha256(), offset, labels.size(),
                                labels.names()),
                        ImageIds.sha256(images.stream().map(ImageEntry::id).toList())),
                spec, MetricsCalculator.compute(results, failures.size(), labels, offset), results, failures,
                provenance);
    }

    /** Scores and ranks one image; the score rule is fixed by the first image of the run. */
    private final class Scorer implements Pipeline.Postprocessor {
        private ScoreRule rule;

        @Override
        public ImageOutcome result(ImageEntry entry, float[] raw) {
            if (rule == null) {
                rule = ScoreRule.detect(raw, backend.describe().quantizedOutput());
            }
            Prediction p = Prediction.top(rule.apply(raw), 5);
            return ImageOutcome.of(new ImageResult(entry.id(), classOf.get(entry.id()), p.classes(), p.scores()));
        }
    }

    /** Running counts for the progress line. */
    private static final class Tally {
        int evaluated;
        int top1;
        int failures;

        void add(ImageOutcome o) {
            if (o.failure() != null) {
                failures++;
            } else {
                evaluated++;
                if (o.result().correctTop1()) {
                    top1++;
                }
            }
        }
    }
}
