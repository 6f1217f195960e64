package org.rdkzoo.mapperconfigs.calib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.rdkzoo.evaluator.concurrent.Workers;
import org.rdkzoo.evaluator.image.BgrImage;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;
import org.rdkzoo.evaluator.image.UnreadableImageException;
import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * Writes a calibration folder for {@code hb_mapper makertbin}: the OE calibration preprocessing
 * (evaluator's {@link Preprocessor}, the same code {@code eval} uses) of {@code count} images chosen by
 * {@link CalibrationSelection}, one raw little-endian file per image, and {@code manifest.json}.
 *
 * <p>Images are decoded and preprocessed on {@code jobs} threads. The result does not depend on the
 * thread timing: the images are tried in the shuffled order in rounds, each round trying as many as
 * are still missing, so the folder always holds the first {@code count} readable images of that order.
 * A rerun reuses every file the previous manifest vouches for (same preprocessing, same source bytes,
 * file present with the recorded SHA-256), and the manifest is saved every {@value #CHECKPOINT_EVERY}
 * files (but not more often than every 2 s), and whenever the run stops on an error or an interrupt, so an
 * interrupted run loses little.
 */
public final class CalibrationWriter {
    static final int CHECKPOINT_EVERY = 50;
    /**
     * And at most this often: each checkpoint serialises the whole manifest, and saving one every 50 of 1,000
     * images made the JIT compile Jackson's serialiser (~0.5 s of compiler CPU on the 2-core bench).
     */
    static final long CHECKPOINT_INTERVAL_NANOS = 2_000_000_000L;
    /** How long a stopping run waits for a worker in the middle of an image (one image takes milliseconds). */
    private static final Duration WORKER_STOP = Duration.ofSeconds(10);

    /** Progress of a run. {@link #imageDone} and {@link #unreadable} are called from worker threads. */
    public interface Listener {
        default void started(int count, int candidates) {
        }

        default void imageDone(String source, boolean reused) {
        }

        default void unreadable(String source, String reason) {
        }
    }

    /**
     * What a run did.
     *
     * @param manifestFile the manifest written
     * @param manifest     its content
     * @param written      files written by this run
     * @param reused       files kept from an earlier run
     * @param removed      stale calibration files of an earlier run that were deleted
     * @param foreign      other files in the folder (hb_mapper would read them too)
     * @param ignored      entries of the images folder that are not image files
     */
    public record Result(Path dir, Path manifestFile, CalibrationManifest manifest, int written, int reused,
            List<String> removed, List<String> foreign, List<String> ignored) {
    }

    private final Clock clock;

    public CalibrationWriter(Clock clock) {
        this.clock = clock;
    }

    public Result write(CalibrationRequest request, List<String> commandLine, Listener listener)
            throws IOException, InterruptedException {
        Path images = request.images().toAbsolutePath().normalize();
        if (!Files.isDirectory(images)) {
            throw new CalibrationInputException((Files.exists(images) ? "--images is not a folder: "
                    : "--images: no such folder: ") + request.images());
        }
        CalibrationSelection.Listing listing = CalibrationSelection.list(images);
        int found = listing.images().size();
        if (request.count() > found) {
            throw new CalibrationInputException("--count " + request.count() + " is more than the " + found
                    + " image files (.jpg .jpeg .png .bmp) in " + request.images()
                    + (listing.other().isEmpty() ? "" : " (" + listing.other().size() + " other entries ignored)"));
        }
        List<String> collisions = CalibrationSelection.collisions(listing.images());
        if (!collisions.isEmpty()) {
            throw new CalibrationInputException(String.join("; ", collisions) + ": rename one of each pair");
        }
        Path out = request.out().toAbsolutePath().normalize();
        if (out.equals(images)) {
            throw new CalibrationInputException("--out must not be the --images folder");
        }
        CalibrationFolder folder = CalibrationFolder.open(out);
        Run run = new Run(request, folder, images, Provenance.start(clock, commandLine, Map.of()), listener);
        listener.started(request.count(), found);
        run.select(CalibrationSelection.order(listing.images(), request.seed()));

        Set<String> keep = new LinkedHashSet<>();
        run.accepted.forEach(a -> keep.add(a.entry.output()));
        List<String> removed = folder.removeStale(keep);
        CalibrationManifest manifest = run.manifest(true, clock);
        folder.writeManifest(manifest);
        return new Result(out, CalibrationManifest.locationFor(out), manifest, run.written.get(), run.reused.get(),
                removed, folder.foreign(keep), listing.other());
    }

    /** One image's fate: a file (written or reused), or the reason it could not be read. */
    private record Outcome(int position, CalibrationManifest.Entry entry, boolean reused, String source,
            String reason) {
    }

    /**
     * A worker thread's buffers, reused from image to image: the tensor, and the file's bytes in a direct
     * buffer, which the channel writes without copying (a heap array is copied into one first).
     */
    private static final class Scratch {
        final float[] floats;
        final byte[] bytes;
        final ByteBuffer file;

        Scratch(PreprocessSpec.DType type, int elements, long bytesPerFile) {
            floats = type == PreprocessSpec.DType.FLOAT32 ? new float[elements] : null;
            bytes = type == PreprocessSpec.DType.UINT8 ? new byte[elements] : null;
            file = ByteBuffer.allocateDirect(Math.toIntExact(bytesPerFile)).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** The state of one run: what was accepted and rejected so far, in the shuffled order. */
    private static final class Run {
        private final CalibrationRequest request;
        private final CalibrationFolder folder;
        private final Path images;
        private final Provenance provenance;
        private final Listener listener;
        private final Preprocessor preprocessor;
        private final Map<String, CalibrationManifest.Entry> reusable = new HashMap<>();
        private final List<Outcome> accepted = new ArrayList<>();
        private final List<Outcome> rejected = new ArrayList<>();
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicInteger reused = new AtomicInteger();
        private final ThreadLocal<Scratch> scratch;

        Run(CalibrationRequest request, CalibrationFolder folder, Path images, Provenance provenance,
                Listener listener) {
            this.request = request;
            this.folder = folder;
            this.images = images;
            this.provenance = provenance;
            this.listener = listener;
            this.preprocessor = new Preprocessor(request.spec());
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(request.type(), preprocessor.elements(),
                    request.bytesPerFile()));
            CalibrationManifest previous = folder.previous();
            if (previous != null && request.spec().equals(previous.preprocessing())) {
                for (CalibrationManifest.Entry e : previous.files()) {
                    reusable.put(e.source(), e);
                }
            }
        }

        void select(List<Path> order) throws IOException, InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(request.jobs(), r -> {
                Thread t = new Thread(r, "rdkzoo-calib");
                t.setDaemon(true);
                return t;
            });
            List<Future<Outcome>> futures = new ArrayList<>();
            try {
                int next = 0;
                int sinceCheckpoint = 0;
                long lastCheckpoint = System.nanoTime();
                while (accepted.size() < request.count() && next < order.size()) {
                    int end = Math.min(order.size(), next + request.count() - accepted.size());
                    futures.clear();
                    for (int i = next; i < end; i++) {
                        int position = i;
                        Path source = order.get(i);
                        futures.add(pool.submit(() -> process(position, source)));
                    }
                    for (Future<Outcome> f : futures) {
                        Outcome o = get(f);
                        (o.entry != null ? accepted : rejected).add(o);
                        if (++sinceCheckpoint >= CHECKPOINT_EVERY
                                && System.nanoTime() - lastCheckpoint >= CHECKPOINT_INTERVAL_NANOS) {
                            folder.writeManifest(manifest(false, null));
                            sinceCheckpoint = 0;
                            lastCheckpoint = System.nanoTime();
                        }
                    }
                    next = end;
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                futures.forEach(f -> f.cancel(true));
                folder.writeManifest(manifest(false, null));
                throw e;
            } finally {
                pool.shutdownNow();
                // An interrupted worker deletes its temporary file: none is still being written once this returns.
                Workers.awaitStopped(pool, WORKER_STOP);
            }
            if (accepted.size() < request.count()) {
                folder.writeManifest(manifest(false, null));
                throw new CalibrationInputException("only " + accepted.size() + " of the " + order.size()
                        + " image files in " + request.images() + " could be read, --count is " + request.count()
                        + "; unreadable: " + describe(rejected));
            }
        }

        private static Outcome get(Future<Outcome> f) throws IOException, InterruptedException {
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getCause());
            }
        }

        private Outcome process(int position, Path source) throws IOException {
            String name = source.getFileName().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(source);
            } catch (IOException e) {
                return rejected(position, name, "cannot read: " + e);
            }
            String sourceSha = CalibrationFolder.sha256(bytes);
            CalibrationManifest.Entry previous = reusable.get(name);
            if (previous != null && previous.sourceBytes() == bytes.length
                    && previous.sourceSha256().equals(sourceSha) && previous.outputBytes() == request.bytesPerFile()
                    && folder.holds(previous)) {
                reused.incrementAndGet();
                listener.imageDone(name, true);
                return new Outcome(position, previous, true, name, null);
            }
            Scratch scratch = this.scratch.get();
            BgrImage image;
            try {
                image = ImageDecoder.decode(bytes, name);
            } catch (UnreadableImageException e) {
                String reason = e.getMessage().startsWith(name + ": ")
                        ? e.getMessage().substring(name.length() + 2) : e.getMessage();
                return rejected(position, name, reason);
            }
            ByteBuffer data = fileBytes(image, scratch);
            String output = CalibrationSelection.outputName(name);
            folder.write(output, data);
            written.incrementAndGet();
            listener.imageDone(name, false);
            return new Outcome(position, new CalibrationManifest.Entry(name, bytes.length, sourceSha, output,
                    data.remaining(), CalibrationFolder.sha256(data)), false, name, null);
        }

        private Outcome rejected(int position, String name, String reason) {
            listener.unreadable(name, reason);
            return new Outcome(position, null, false, name, reason);
        }

        /**
         * Raw little-endian float32 (numpy's {@code tofile} on x86 and arm64) or uint8, in the thread's
         * reused buffers: at 1.2 MB of garbage per image, allocating them grew the heap and cost page faults.
         */
        private ByteBuffer fileBytes(BgrImage image, Scratch scratch) {
            ByteBuffer file = scratch.file.clear();
            if (request.type() == PreprocessSpec.DType.UINT8) {
                preprocessor.toUint8(image, scratch.bytes);
                file.put(scratch.bytes);
            } else {
                preprocessor.toFloat(image, scratch.floats);
                file.asFloatBuffer().put(scratch.floats);
                file.position(file.capacity());
            }
            return file.flip();
        }

        CalibrationManifest manifest(boolean complete, Clock finishedBy) {
            List<CalibrationManifest.Entry> files = accepted.stream().map(Outcome::entry).toList();
            List<CalibrationManifest.Unreadable> unreadable = rejected.stream()
                    .map(o -> new CalibrationManifest.Unreadable(o.source, o.reason)).toList();
            // The k-th unreadable image of the first `count` gave its place to the k-th image tried after them.
            List<String> vacated = rejected.stream().filter(o -> o.position < request.count()).map(Outcome::source)
                    .toList();
            List<String> fillers = accepted.stream().filter(o -> o.position >= request.count()).map(Outcome::source)
                    .toList();
            List<CalibrationManifest.Replacement> replacements = new ArrayList<>();
            for (int i = 0; i < Math.min(vacated.size(), fillers.size()); i++) {
                replacements.add(new CalibrationManifest.Replacement(vacated.get(i), fillers.get(i)));
            }
            PreprocessSpec spec = request.spec();
            return new CalibrationManifest(CalibrationManifest.FORMAT, images.toString(), request.count(),
                    request.seed(), CalibrationSelection.DESCRIPTION, spec, request.dataType(),
                    java.util.Arrays.stream(spec.shape()).boxed().toList(), request.bytesPerFile(), complete, files,
                    unreadable, replacements, finishedBy == null ? provenance : provenance.finish(finishedBy));
        }

        private static String describe(List<Outcome> rejected) {
            List<String> parts = rejected.stream().limit(5).map(o -> o.source + " (" + o.reason + ")").toList();
            return String.join(", ", parts) + (rejected.size() > 5 ? " and " + (rejected.size() - 5) + " more" : "");
        }
    }
}
