package org.rdkzoo.evaluator.eval;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.backend.PartialBatchException;
import org.rdkzoo.evaluator.concurrent.Workers;
import org.rdkzoo.evaluator.dataset.Dataset;
import org.rdkzoo.evaluator.dataset.EncodedImage;
import org.rdkzoo.evaluator.dataset.ImageEntry;
import org.rdkzoo.evaluator.dataset.ImageStream;

/**
 * Reads, decodes and preprocesses images on a thread pool while the backend runs the previous batch.
 *
 * <pre>
 *  reader thread ──► decode pool (N threads) ──► bounded queue of futures, in read order ──► caller's thread:
 *  (dataset bytes)    (InputPreparer)                                                        batch, infer, score, sink
 * </pre>
 *
 * The queue holds at most {@code 2 * batch + 4 * threads} images (encoded or prepared), so memory stays flat
 * however large the dataset; a full queue makes the reader wait. The slack lets the decoding threads run ahead
 * of one slow image (a 2400x1600 JPEG) instead of idling behind it. The caller's thread takes images in the
 * order the dataset gave them, so batches, and therefore results, do not depend on thread timing.
 * Cancellation is checked between batches: the images of an unfinished batch are dropped, not recorded.
 */
public final class Pipeline {
    /** Turns one image's raw model output into its outcome (scores, ranking, label). */
    @FunctionalInterface
    public interface Postprocessor {
        ImageOutcome result(ImageEntry entry, float[] raw);
    }

    /** Receives outcomes on the caller's thread, a batch at a time; throwing stops the run. */
    @FunctionalInterface
    public interface Sink {
        void accept(List<ImageOutcome> outcomes) throws IOException;
    }

    /**
     * @param decodeThreads threads decoding and preprocessing
     * @param batch         images per inference call
     * @param height        height of the prepared images
     * @param width         width of the prepared images
     */
    public record Settings(int decodeThreads, int batch, int height, int width) {
        public Settings {
            if (decodeThreads < 1 || batch < 1) {
                throw new IllegalArgumentException("threads and batch must be at least 1, were " + decodeThreads
                        + " and " + batch);
            }
        }
    }

    private record Prepared(ImageEntry entry, ModelInput input, String failure) {
    }

    /** One queue element: a future image, the end of the stream, or a storage error. */
    private record Slot(Future<Prepared> image, IOException error, boolean end) {
        static final Slot END = new Slot(null, null, true);
    }

    /** How long a stopping run waits for its threads: one image's decode, with a wide margin. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final InputPreparer preparer;
    private final InferenceBackend backend;
    private final Postprocessor postprocessor;
    private final Settings settings;

    public Pipeline(InputPreparer preparer, InferenceBackend backend, Postprocessor postprocessor, Settings settings) {
        this.preparer = preparer;
        this.backend = backend;
        this.postprocessor = postprocessor;
        this.settings = settings;
    }

    /**
     * Evaluates {@code entries} of {@code dataset}, giving every outcome to {@code sink}.
     *
     * @return {@code true} when every image was done, {@code false} when {@code cancelled} stopped the run
     */
    public boolean run(Dataset dataset, List<ImageEntry> entries, Sink sink, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        if (entries.isEmpty()) {
            return true;
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.decodeThreads(), daemon("rdkzoo-decode"));
        int depth = 2 * settings.batch() + 4 * settings.decodeThreads();
        BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(depth);
        // Enough arrays for every image that can be prepared at once: the queue, the batch being built, one spare.
        InputBuffers buffers = new InputBuffers(3 * settings.height() * settings.width(),
                depth + settings.batch() + settings.decodeThreads() + 1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = daemon("rdkzoo-read").newThread(() -> read(dataset, entries, pool, queue, stop, buffers));
        reader.start();
        try {
            List<Prepared> pending = new ArrayList<>(settings.batch());
            while (true) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                Slot slot = queue.poll(100, TimeUnit.MILLISECONDS);
                if (slot == null) {
                    continue;
                }
                if (slot.end()) {
                    break;
                }
                if (slot.error() != null) {
                    throw slot.error();
                }
                Prepared p = take(slot.image());
                if (p.failure() != null) {
                    sink.accept(List.of(ImageOutcome.failed(p.entry().id(), p.failure())));
                    continue;
                }
                pending.add(p);
                if (pending.size() == settings.batch()) {
                    infer(pending, sink, buffers);
                    pending.clear();
                }
            }
            if (!pending.isEmpty() && !cancelled.getAsBoolean()) {
                infer(pending, sink, buffers);
            } else if (!pending.isEmpty()) {
                return false;
            }
            return true;
        } finally {
            stop.set(true);
            reader.interrupt();
            pool.shutdownNow();
            Workers.awaitStopped(pool, STOP_WAIT, reader);
        }
    }

    private void infer(List<Prepared> pending, Sink sink, InputBuffers buffers) throws IOException {
        List<ModelInput> inputs = new ArrayList<>(pending.size());
        for (Prepared p : pending) {
            inputs.add(p.input());
        }
        float[][] raw;
        Map<Integer, String> failed = Map.of();
        try {
            raw = backend.infer(new Batch(inputs, settings.height(), settings.width()));
        } catch (PartialBatchException e) {
            // Images the runtime failed on (the BPU backend's libdnn errors) are failures of their own.
            raw = e.rows();
            failed = e.failures();
        }
        // Backends keep no reference to their inputs once infer returns (InferenceBackend's contract).
        inputs.forEach(buffers::release);
        List<ImageOutcome> outcomes = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            String failure = failed.get(i);
            outcomes.add(failure != null ? ImageOutcome.failed(pending.get(i).entry().id(), failure)
                    : postprocessor.result(pending.get(i).entry(), raw[i]));
        }
        sink.accept(outcomes);
    }

    private static Prepared take(Future<Prepared> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private void read(Dataset dataset, List<ImageEntry> entries, ExecutorService pool, BlockingQueue<Slot> queue,
            AtomicBoolean stop, InputBuffers buffers) {
        try {
            try (ImageStream images = dataset.open(entries)) {
                for (EncodedImage image; !stop.get() && (image = images.next()) != null;) {
                    EncodedImage img = image;
                    Future<Prepared> f = img.error() != null
                            ? CompletableFuture.completedFuture(new Prepared(img.entry(), null, img.error()))
                            : pool.submit(() -> prepare(img, buffers));
                    queue.put(new Slot(f, null, false));
                }
            }
            queue.put(Slot.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            IOException error = e instanceof IOException io ? io
                    : new IOException("reading " + dataset.root() + " failed: " + e, e);
            try {
                queue.put(new Slot(null, error, false));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Prepared prepare(EncodedImage image, InputBuffers buffers) {
        try {
            return new Prepared(image.entry(), preparer.prepare(image, buffers), null);
        } catch (IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String prefix = image.entry().id() + ": ";
            // The failure already names the image; keep only why.
            return new Prepared(image.entry(), null, reason.startsWith(prefix) ? reason.substring(prefix.length())
                    : reason);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
