package org.rdkzoo.evaluator.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.runtime.BpuModel;
import org.rdkzoo.runtime.HbDnnException;
import org.rdkzoo.runtime.InferenceSession;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.tensor.TensorInfo;
import org.rdkzoo.runtime.tensor.TensorProperties;

/**
 * Quantized evaluation on the board: a {@code .bin} run by libdnn on the X5's BPU through the runtime's
 * {@link BpuModel}. The model's image input decides what the pipeline prepares ({@link #describe()}): NV12
 * bytes for the zoo's NV12 classifiers (and Y and YUV444 inputs, made from them), uint8 pixels for RGB/BGR
 * inputs, a normalised float tensor for feature-map inputs. Its first output holds the class scores, read
 * dequantized whatever its type and quantization (F32 without quantization in the zoo, S8/S32 with scales).
 *
 * <p>A model of batch 1 takes any number of images per {@link #infer} call ({@link ModelDescription#batch()} is
 * -1): each is one inference, spread over {@link Options#threads()} sessions that infer at once, each session
 * used by one thread at a time and holding its input and output memory from its first image to {@link #close()}.
 *
 * <p>An inference that fails (a libdnn error, a timeout) fails its image only: {@link #infer} throws a
 * {@link PartialBatchException} with the other images' rows, so the evaluation records the failure and goes on;
 * unless {@link Options#stopAtFirstFailure()}, or {@link Options#maxConsecutiveFailures()} images fail in a row
 * (the BPU is then not working, and going on would only record failures).
 */
public final class BpuBackend implements InferenceBackend {
    /**
     * @param threads                sessions inferring at once (with 2, one session's copies in and out overlap
     *                               the other's inference)
     * @param timeout                how long one inference may take
     * @param modelName              the model of a packed {@code .bin} to run, {@code null} for its first
     * @param stopAtFirstFailure     a failed inference stops the evaluation instead of failing its image
     * @param maxConsecutiveFailures this many failed images in a row stop the evaluation
     */
    public record Options(int threads, Duration timeout, String modelName, boolean stopAtFirstFailure,
            int maxConsecutiveFailures) {
        public static final int DEFAULT_THREADS = 2;
        public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("BPU threads must be at least 1, was " + threads);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the inference timeout must be positive, was " + timeout);
            }
            if (maxConsecutiveFailures < 1) {
                throw new IllegalArgumentException("max consecutive failures must be at least 1, was "
                        + maxConsecutiveFailures);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_THREADS, InferenceSession.DEFAULT_TIMEOUT, null, false,
                    DEFAULT_MAX_CONSECUTIVE_FAILURES);
        }

        public Options withThreads(int t) {
            return new Options(t, timeout, modelName, stopAtFirstFailure, maxConsecutiveFailures);
        }

        public Options withModelName(String name) {
            return new Options(threads, timeout, name, stopAtFirstFailure, maxConsecutiveFailures);
        }

        public Options withStopAtFirstFailure(boolean stop) {
            return new Options(threads, timeout, modelName, stop, maxConsecutiveFailures);
        }

        public Options withMaxConsecutiveFailures(int max) {
            return new Options(threads, timeout, modelName, stopAtFirstFailure, max);
        }
    }

    /** One session and its scratch array, used by one thread at a time. */
    private record Worker(InferenceSession session, byte[] scratch) {
    }

    private final Path file;
    private final Options options;
    private final BpuModel model;
    private final String modelName;
    private final BpuInput input;
    private final TensorInfo output;
    private final ModelDescription description;
    private final List<Worker> workers = new ArrayList<>();
    private ExecutorService pool;
    private int consecutiveFailures;
    private boolean closed;

    private BpuBackend(Path file, Options options, BpuModel model) throws BackendException {
        this.file = file;
        this.options = options;
        this.model = model;
        this.modelName = options.modelName() != null ? options.modelName() : model.modelNames().get(0);
        if (!model.modelNames().contains(modelName)) {
            throw new BackendException(file + " holds no model named '" + modelName + "'; it holds "
                    + model.modelNames());
        }
        List<TensorInfo> inputs = model.describe(modelName).inputs();
        List<TensorInfo> outputs = model.describe(modelName).outputs();
        if (inputs.size() != 1) {
            throw new BackendException(file + ": model '" + modelName + "' has " + inputs.size()
                    + " inputs; rdkzoo evaluates classifiers with one image input");
        }
        if (outputs.isEmpty()) {
            throw new BackendException(file + ": model '" + modelName + "' has no output");
        }
        this.input = BpuInput.of(file, inputs.get(0));
        this.output = outputs.get(0);
        TensorProperties out = output.properties();
        if (out.type().isImage() || out.type().byteSize() == 0) {
            throw new BackendException(file + ": output 0 '" + output.name() + "' is " + out.type().headerName()
                    + ", not class scores");
        }
        if (out.validShape().rank() > 1 && out.validShape().dim(0) != 1) {
            throw new BackendException(file + ": output 0 '" + output.name() + "' " + out.validShape()
                    + " holds " + out.validShape().dim(0) + " rows; rdkzoo reads one row of class scores");
        }
        List<Long> shape = new ArrayList<>();
        for (int d : input.info().properties().validShape().dims()) {
            shape.add((long) d);
        }
        this.description = new ModelDescription(input.info().name(), shape, input.form(), input.layout(), -1,
                input.height(), input.width(), output.name(), Math.toIntExact(out.elementCount()), false);
    }

    /**
     * Loads {@code file} with {@code libdnn}.
     *
     * @throws BackendException naming the file when libdnn refuses it or rdkzoo cannot feed its input
     */
    public static BpuBackend open(Libdnn libdnn, Path file, Options options) throws BackendException {
        BpuModel model;
        try {
            model = libdnn.loadModel(file);
        } catch (HbDnnException e) {
            throw new BackendException(file + ": libdnn cannot load the model: " + e.getMessage(), e);
        }
        try {
            return new BpuBackend(file, options, model);
        } catch (BackendException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public ModelDescription describe() {
        checkOpen();
        return description;
    }

    /** The model's name inside the {@code .bin}, as libdnn reports it ({@code hbDNNGetModelNameList}). */
    public String modelName() {
        return modelName;
    }

    /** Every model name of the {@code .bin}, in libdnn's order. */
    public List<String> modelNames() {
        return model.modelNames();
    }

    /** The library running it (its version goes into the provenance). */
    public Libdnn libdnn() {
        return model.libdnn();
    }

    /**
     * The colour order the input's pixels must have (RGB or BGR inputs), or {@code null} when the input is not
     * pixels (NV12, Y, YUV444, feature maps).
     */
    public PreprocessSpec.ColorOrder pixelColor() {
        return input.color();
    }

    /** The input's type as the {@code hb_dnn.h} constant, e.g. {@code HB_DNN_IMG_TYPE_NV12}. */
    public String inputType() {
        return input.info().properties().type().headerName();
    }

    @Override
    public float[][] infer(Batch batch) throws BackendException {
        checkOpen();
        description.requireForm(batch);
        if (batch.height() != input.height() || batch.width() != input.width()) {
            throw new IllegalArgumentException("the model's input is " + input.width() + "x" + input.height()
                    + ", the images are " + batch.width() + "x" + batch.height()
                    + "; the preprocessing size does not match the model");
        }
        if (batch.imageLength() != input.preparedLength()) {
            throw new IllegalArgumentException("a prepared " + input.width() + "x" + input.height() + " "
                    + description.inputForm() + " image has " + input.preparedLength() + " elements, the inputs have "
                    + batch.imageLength());
        }
        int n = batch.size();
        float[][] rows = new float[n][];
        String[] failed = new String[n];
        int slots = Math.min(options.threads(), n);
        ensureWorkers(slots);
        if (slots == 1) {
            runSlice(workers.get(0), 0, 1, batch, rows, failed);
        } else {
            runConcurrently(slots, batch, rows, failed);
        }
        return settle(batch, rows, failed);
    }

    private void ensureWorkers(int count) throws BackendException {
        while (workers.size() < count) {
            try {
                workers.add(new Worker(model.newSession(modelName), input.newScratch()));
            } catch (HbDnnException e) {
                throw new BackendException(file + ": libdnn cannot allocate the memory of session " + workers.size()
                        + ": " + e.getMessage(), e);
            }
        }
        if (count > 1 && pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "rdkzoo-bpu-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Slot {@code s} of {@code slots} runs images s, s + slots, ... on its own session. */
    private void runConcurrently(int slots, Batch batch, float[][] rows, String[] failed) throws BackendException {
        List<Future<?>> futures = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            Worker worker = workers.get(s);
            int first = s;
            futures.add(pool.submit(() -> runSlice(worker, first, slots, batch, rows, failed)));
        }
        RuntimeException error = null;
        boolean interrupted = false;
        // Wait for every slot, even after one failed: no session may still run when this returns.
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    RuntimeException r = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                    if (error == null) {
                        error = r;
                    } else {
                        error.addSuppressed(r);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
    }

    private void runSlice(Worker worker, int first, int step, Batch batch, float[][] rows, String[] failed) {
        for (int i = first; i < batch.size(); i += step) {
            try {
                input.feed(worker.session(), batch.inputs().get(i), worker.scratch());
                worker.session().run(options.timeout());
                rows[i] = worker.session().output(output.index());
            } catch (HbDnnException e) {
                failed[i] = e.getMessage();
            }
        }
    }

    /** Rows when every image ran; else a failure for each image that did not, or a stop. */
    private float[][] settle(Batch batch, float[][] rows, String[] failed) throws BackendException {
        Map<Integer, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < failed.length; i++) {
            if (failed[i] == null) {
                consecutiveFailures = 0;
                continue;
            }
            String id = batch.inputs().get(i).id();
            if (options.stopAtFirstFailure()) {
                throw new BackendException(file + ": the BPU failed on image " + id + ": " + failed[i]);
            }
            if (++consecutiveFailures >= options.maxConsecutiveFailures()) {
                throw new BackendException(file + ": " + consecutiveFailures + " images in a row failed on the BPU, "
                        + "the last " + id + ": " + failed[i] + "; stopping, as the BPU or libdnn does not seem to work");
            }
            failures.put(i, failed[i]);
        }
        if (failures.isEmpty()) {
            return rows;
        }
        int first = failures.keySet().iterator().next();
        throw new PartialBatchException(file + ": " + failures.size() + " of " + batch.size() + " images failed on the "
                + "BPU, first " + batch.inputs().get(first).id() + ": " + failures.get(first), rows, failures);
    }

    @Override
    public EvaluationResults.Backend record() {
        Libdnn libdnn = model.libdnn();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("modelName", modelName);
        settings.put("libdnnPath", libdnn.location());
        if (libdnn.isStandIn()) {
            settings.put("standIn", "rdkzoo's test stand-in of libdnn ran this, not the BPU: not board results");
        }
        settings.put("threads", options.threads());
        settings.put("timeoutMs", options.timeout().toMillis());
        settings.put("input", input.toString());
        settings.put("output", BpuInput.describe(output));
        return new EvaluationResults.Backend("bpu", Map.of("libdnn", libdnn.version()), settings);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the BPU model " + file + " is closed");
        }
    }

    /** Stops the threads, frees every session's memory and releases the model. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
        model.close();
    }
}
