package org.rdkzoo.evaluator.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.EvaluationResults.ImageResult;

/**
 * The append-only sidecar ({@code results.json.partial}) that keeps an evaluation's finished images while it
 * runs, so an interrupted run resumes where it stopped. One JSON object per line: a header with the
 * {@link CheckpointKey} and the start time, then one line per image (a result or a failure), flushed after
 * every batch. A process killed mid-write leaves at most a torn last line, which resuming drops (that image
 * is simply evaluated again). The final results file is written atomically and this file is then deleted.
 */
public final class Checkpoint implements AutoCloseable {
    /** The header's format tag; a file without it is not a checkpoint. */
    public static final String FORMAT = "rdkzoo.checkpoint/1";

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READ = Json.mapper().reader();

    /** First line of the file. */
    record Header(String checkpoint, CheckpointKey key, String started) {
    }

    /** One image: a result (label, top5, scores) or a failure (reason). */
    record Line(String id, Integer label, int[] top5, float[] scores, String failure) {
        static Line of(ImageOutcome o) {
            ImageResult r = o.result();
            return r != null ? new Line(r.id(), r.label(), r.top5(), r.scores(), null)
                    : new Line(o.failure().id(), null, null, null, o.failure().reason());
        }

        ImageOutcome outcome() {
            return failure != null ? ImageOutcome.failed(id, failure)
                    : ImageOutcome.of(new ImageResult(id, label, top5, scores));
        }
    }

    private final Path file;
    private final String started;
    private final Map<String, ImageOutcome> done;
    private final BufferedWriter writer;
    private boolean closed;

    private Checkpoint(Path file, String started, Map<String, ImageOutcome> done, BufferedWriter writer) {
        this.file = file;
        this.started = started;
        this.done = done;
        this.writer = writer;
    }

    /** The sidecar of a results file: {@code results.json} keeps its checkpoint in {@code results.json.partial}. */
    public static Path pathFor(Path results) {
        return results.resolveSibling(results.getFileName() + ".partial");
    }

    /**
     * Opens the checkpoint of {@code results}: resumes it when it exists and was made by the same run
     * ({@code key}), starts a new one when there is none or {@code restart} is set.
     *
     * @throws InvalidInputException when a checkpoint of another run is there (the message says what differs)
     */
    public static Checkpoint open(Path results, CheckpointKey key, boolean restart, Clock clock) throws IOException {
        Path file = pathFor(results);
        if (restart) {
            Files.deleteIfExists(file);
        }
        if (Files.exists(file)) {
            return resume(file, key);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String started = Instant.now(clock).toString();
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        w.write(LINE.writeValueAsString(new Header(FORMAT, key, started)));
        w.write('\n');
        w.flush();
        return new Checkpoint(file, started, new LinkedHashMap<>(), w);
    }

    private static Checkpoint resume(Path file, CheckpointKey key) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int firstEnd = indexOf(bytes, 0);
        Header header;
        try {
            header = READ.readValue(new String(bytes, 0, firstEnd < 0 ? bytes.length : firstEnd,
                    StandardCharsets.UTF_8), Header.class);
        } catch (JsonProcessingException e) {
            header = null;
        }
        if (header == null || !FORMAT.equals(header.checkpoint()) || header.key() == null) {
            throw new InvalidInputException(file + " is not an rdkzoo checkpoint (its first line is not a "
                    + FORMAT + " header); delete it or run with --restart");
        }
        List<String> differences = key.differences(header.key());
        if (!differences.isEmpty()) {
            throw new InvalidInputException(file + " holds an interrupted run that differs from this one ("
                    + String.join("; ", differences) + "); run with --restart to discard it, or choose another --out");
        }
        Map<String, ImageOutcome> done = new LinkedHashMap<>();
        int goodEnd = firstEnd + 1;
        int lineNo = 1;
        // Lines end with '\n', a byte that never occurs inside a UTF-8 sequence.
        for (int end; goodEnd < bytes.length && (end = indexOf(bytes, goodEnd)) >= 0; goodEnd = end + 1) {
            lineNo++;
            try {
                ImageOutcome o = READ.readValue(new String(bytes, goodEnd, end - goodEnd, StandardCharsets.UTF_8),
                        Line.class).outcome();
                done.put(o.id(), o);
            } catch (JsonProcessingException | RuntimeException e) {
                throw new InvalidInputException(file + ":" + lineNo + ": damaged checkpoint line (" + e.getMessage()
                        + "); run with --restart to start over", e);
            }
        }
        // Whatever follows the last newline is a torn line: drop it, that image is evaluated again.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(goodEnd);
        }
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                StandardOpenOption.APPEND), StandardCharsets.UTF_8));
        return new Checkpoint(file, header.started(), done, w);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public Path file() {
        return file;
    }

    /** When the run (its first part, when resumed) started. */
    public String started() {
        return started;
    }

    /** The images finished before this process started (empty for a new checkpoint). */
    public Map<String, ImageOutcome> done() {
        return Collections.unmodifiableMap(done);
    }

    /** Appends outcomes and flushes them to the operating system. */
    public synchronized void append(Collection<ImageOutcome> outcomes) throws IOException {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        for (ImageOutcome o : outcomes) {
            writer.write(LINE.writeValueAsString(Line.of(o)));
            writer.write('\n');
        }
        writer.flush();
    }

    /** Closes and deletes the file: the results file now holds everything. */
    public synchronized void complete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
