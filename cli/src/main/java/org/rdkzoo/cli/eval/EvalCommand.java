package org.rdkzoo.cli.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ConsoleProgress;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.board.LibdnnOption;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.BpuBackend;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.eval.BoardPreprocessing;
import org.rdkzoo.evaluator.eval.Checkpoint;
import org.rdkzoo.evaluator.eval.EvaluationInterruptedException;
import org.rdkzoo.evaluator.eval.EvaluationListener;
import org.rdkzoo.evaluator.eval.EvaluationRequest;
import org.rdkzoo.evaluator.eval.Evaluator;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.eval.Summary;
import org.rdkzoo.evaluator.image.UnreadableImageException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.runtime.Libdnn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rdkzoo eval}: Top-1 and Top-5 of a classifier on a labelled dataset, an ONNX model with ONNX Runtime or a
 * {@code .bin} on the BPU through libdnn; the same pipeline and results format for both.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        header = "Top-1/Top-5 of a classifier on an ImageNet-style dataset: an .onnx with ONNX Runtime, a .bin on the "
                + "BPU.",
        description = {
            "Decodes and preprocesses the images exactly as OpenCV and the OE toolchain do, runs the model, and "
                    + "writes per-image top-5 results, per-class and overall accuracy and the full provenance to a "
                    + "results file (--out). Ctrl-C keeps the finished images; the same command resumes.",
            "",
            "Datasets: class folders named by WordNet id; images plus a ground-truth file (labels.csv, val.txt, "
                    + "dataset.txt in the folder, or --ground-truth); WordNet ids starting the file names; a .tar "
                    + "(or .tar.gz) read as a stream.",
            "",
            "Models: an .onnx runs on the PC (ONNX Runtime); a .bin runs on the BPU of an RDK X5 through its libdnn "
                    + "(--libdnn, $RDKZOO_LIBDNN, /usr/lib/libdnn.so). A catalog name means its cached .onnx "
                    + "(efficientnet_b2), or its cached .bin when named by the .bin's name "
                    + "(EfficientNet_B2_224x224_nv12) or with --bpu.",
            "",
            "On the BPU the image reaches an NV12 model as NV12 bytes and the model normalises inside. The default "
                    + "preprocessing of a .bin is letterbox, as the zoo's board runtime prepares images; with "
                    + "--preprocess oe (short side 256, centre crop) the run pairs image by image with a float run of "
                    + "--preprocess oe --nv12 in 'rdkzoo compare'. Any two runs on the same dataset and subset pair.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo eval --model mobilenetv2-12-int8.onnx --data images/ilsvrc2012-val-1300 --out mnv2.json",
            "  rdkzoo eval --model mobilenet_v1_0.25_224_keras_fp32.onnx --data imagenet-sample-images \\",
            "      --mean 127.5 --scale 1/127.5 --limit 200",
            "  rdkzoo eval --model mobilenet_v1_0.5_128_quant.onnx --label-offset 1 --data ILSVRC2012_img_val.tar \\",
            "      --ground-truth ILSVRC2012_val_ground_truth.txt --shard 1/4 --out shard1.json",
            "  # on the board: a .bin its system image ships; then the float model on the same images, on the PC",
            "  rdkzoo eval --model /opt/hobot/model/x5/basic/EfficientNet_B2_224x224_nv12.bin --data val \\",
            "      --preprocess oe --out b2-board.json",
            "  rdkzoo eval --model efficientnet_b2 --data val --preprocess oe --nv12 --out b2-float.json",
            "",
            "Exit codes: 0 done, 1 the runtime failed (with --strict: at the first image the BPU failed on), 2 bad "
                    + "input (or an unreadable image with --strict), 5 no libdnn here (a .bin needs an RDK X5), 130 "
                    + "interrupted (resumable).",
        })
public final class EvalCommand implements Callable<Integer> {
    /** How often the progress line's running top-1 is refreshed. */
    private static final long EXTRA_INTERVAL_NANOS = 250_000_000L;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "An .onnx (ONNX Runtime) or .bin (the BPU) file, or a catalog name: its cached .onnx, or its "
                    + ".bin when named by the .bin's name or with --bpu.")
    String model;

    @Option(names = "--bpu", description = "A catalog name means its cached .bin, run on the BPU (not its .onnx).")
    boolean bpu;

    @Mixin
    ZooOptions zooOptions;

    @Mixin
    LibdnnOption libdnn;

    @Option(names = "--bpu-threads", paramLabel = "T",
            description = "A .bin: inferences in flight at once, each with its own session (default: "
                    + BpuBackend.Options.DEFAULT_THREADS + ").")
    Integer bpuThreads;

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "A .bin that packs several models: the one to run (default: the first).")
    String modelName;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    PreprocessOptions preprocessing;

    @Mixin
    RunOutputOptions run;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Summary on stdout: text (default) or json.")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    EvalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ModelLocator.Located located = ModelLocator.locate(context, zooOptions, model, bpu);
        warnIgnored(located.bin());
        try (InferenceBackend backend = located.bin() ? openBpu(located.file()) : openOrt(located.file())) {
            Evaluator evaluator;
            try {
                PreprocessOverrides overrides = preprocessing.overrides();
                if (backend instanceof BpuBackend board) {
                    overrides = BoardPreprocessing.overrides(overrides, board);
                }
                evaluator = Evaluator.prepare(request(located, overrides), backend, context.clock());
            } catch (InvalidInputException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
            Path results = run.resultsFile(context, evaluator);
            if (!quiet) {
                context.info("evaluating " + evaluator.images().size() + " images of " + evaluator.dataset().id() + " ("
                        + evaluator.dataset().layout().id() + ") with " + located.file().getFileName()
                        + (backend instanceof BpuBackend board ? " on the BPU (model " + board.modelName() + ", libdnn "
                                + board.libdnn().version() + ")" : "")
                        + ", batch " + evaluator.batch() + "; results: " + results);
            }
            EvaluationResults r = runWithCheckpoint(context, quiet, evaluator, results);
            if (r == null) {
                return ExitCodes.INTERRUPTED;
            }
            Summary summary = Summary.of(r, results.toString());
            context.out().print(format == OutputFormat.JSON ? Json.write(summary) + System.lineSeparator() : summary.text());
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    private EvaluationRequest request(ModelLocator.Located located, PreprocessOverrides overrides) {
        return dataset.request(located.file(), located.catalogId(), overrides);
    }

    /** Options of the other backend do nothing; say so rather than let a user believe they applied. */
    private void warnIgnored(boolean bin) {
        if (bin && run.ortThreads != 0) {
            context.warn("--ort-threads applies to ONNX models; a .bin runs on the BPU (see --bpu-threads)");
        }
        if (!bin && bpuThreads != null) {
            context.warn("--bpu-threads applies to .bin models on the BPU; ignored for an ONNX model (see "
                    + "--ort-threads)");
        }
        if (!bin && modelName != null) {
            context.warn("--model-name picks a model inside a packed .bin; ignored for an ONNX model");
        }
    }

    private InferenceBackend openOrt(Path file) {
        try {
            return OrtBackend.open(file, new OrtBackend.Options(run.ortThreads));
        } catch (BackendException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ort-threads: " + e.getMessage());
        }
    }

    /** The BPU backend; no libdnn here is exit 5 (Main), a .bin libdnn refuses is a usage error. */
    private BpuBackend openBpu(Path file) {
        BpuBackend.Options options;
        try {
            options = BpuBackend.Options.defaults().withModelName(modelName).withStopAtFirstFailure(dataset.strict);
            if (bpuThreads != null) {
                options = options.withThreads(bpuThreads);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--bpu-threads: " + e.getMessage());
        }
        Libdnn loaded = libdnn.load(context);
        try {
            return BpuBackend.open(loaded, file, options);
        } catch (BackendException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /**
     * Runs the evaluation with a shutdown hook: Ctrl-C (SIGINT) or SIGTERM cancels it, and the hook waits until
     * the current batch is in the checkpoint and the message is out before the JVM exits. {@code sim} runs its
     * evaluation through here too.
     *
     * @return the results, or {@code null} when interrupted (the message is printed)
     */
    static EvaluationResults runWithCheckpoint(CliContext context, boolean quiet, Evaluator evaluator, Path results)
            throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            evaluator.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rdkzoo-eval-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        ConsoleProgress.Task task = new ConsoleProgress(context, quiet).start("eval", evaluator.images().size(),
                ConsoleProgress.Unit.IMAGES);
        String interrupted = null;
        try {
            return evaluator.run(results, new EvaluationListener() {
                private int resumed;
                private int total;
                private long extraAt;

                @Override
                public void started(int total, int alreadyDone) {
                    this.total = total;
                    this.extraAt = System.nanoTime() - EXTRA_INTERVAL_NANOS;
                    if (alreadyDone > 0 && !quiet) {
                        context.info("resuming " + Checkpoint.pathFor(results) + ": " + alreadyDone + " of " + total
                                + " images already done");
                    }
                    // The bar counts this run's images only, so its rate is this run's rate.
                    resumed = alreadyDone;
                    task.total(total - alreadyDone);
                }

                @Override
                public void progress(int done, int evaluated, int top1, int failures) {
                    task.stepTo(done - resumed);
                    // The running top-1 is formatted a few times a second, not for every batch: per batch,
                    // java.util.Formatter became part of the batch loop's compiled code.
                    long now = System.nanoTime();
                    if (done >= total || now - extraAt >= EXTRA_INTERVAL_NANOS) {
                        extraAt = now;
                        task.extra(evaluated == 0 ? "" : String.format(Locale.ROOT, "top-1 %.1f%%%s",
                                100.0 * top1 / evaluated, failures == 0 ? "" : ", " + failures + " failed"));
                    }
                }
            });
        } catch (EvaluationInterruptedException e) {
            interrupted = e.getMessage();
            return null;
        } catch (UnreadableImageException e) {
            throw new CliException(ExitCodes.USAGE, "unreadable image " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (BackendException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage() + " (the finished images are in "
                    + Checkpoint.pathFor(results) + "; the same command resumes)", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
        } finally {
            task.close();
            if (interrupted != null) {
                // Printed here, not by Main: once the hook is released the JVM may halt at any moment.
                context.info(interrupted);
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (Ctrl-C): the hook is running and exits once we return.
            }
        }
    }
}
