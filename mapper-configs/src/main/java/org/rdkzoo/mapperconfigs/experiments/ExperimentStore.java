package org.rdkzoo.mapperconfigs.experiments;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * The experiments of a workspace: one folder per experiment under {@code <workspace>/experiments}, each
 * with its {@code experiment.json}, and {@code index.json} listing them all. The folders are the truth;
 * the index is rebuilt from them whenever it is missing or older than any of them. Writers in several
 * threads or processes take a lock on {@code .index.lock} first.
 *
 * <p>A record that says {@code running} although its process is gone from this machine (see
 * {@link RunOwner}) is read as {@link ExperimentStatus#ABANDONED}; reading never rewrites it (a reader
 * owns nothing, and another host may share the workspace). The build or sweep that runs the same
 * configuration again writes it as abandoned ({@link #settleAbandoned}).
 */
public final class ExperimentStore {
    static final String INDEX = "index.json";
    private static final String LOCK = ".index.lock";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** FileLock guards against other processes only; threads of this JVM queue here first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** The index document. */
    record IndexFile(String schema, List<ExperimentSummary> experiments) {
    }

    private final Path root;
    private final String host;

    public ExperimentStore(Path workspace) {
        this.root = workspace.toAbsolutePath().resolve("experiments");
        this.host = Provenance.localHost();
    }

    public Path root() {
        return root;
    }

    public Path folder(String id) {
        return root.resolve(id);
    }

    /** A new sortable id: UTC time to the second, then 6 hex characters of a hash of {@code seed} and the clock. */
    public static String newId(Clock clock, String seed) {
        String time = ID_TIME.format(clock.instant());
        String hash = Sha256.of(seed + "|" + clock.instant() + "|" + System.nanoTime() + "|" + Math.random());
        return time + "-" + hash.substring(0, 6);
    }

    /** Creates the folder of a new experiment. */
    public Path create(String id) throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(folder(id));
    }

    /** Writes {@code experiment.json} atomically, then records it in the index. */
    public void save(Experiment e) throws IOException {
        Json.writeAtomically(folder(e.id()).resolve(Experiment.FILE), e);
        withIndexLock(() -> {
            List<ExperimentSummary> entries = new ArrayList<>(readOrRebuild());
            entries.removeIf(s -> s.id().equals(e.id()));
            entries.add(ExperimentSummary.of(e));
            writeIndex(entries);
            return null;
        });
    }

    /** The record, {@link ExperimentStatus#ABANDONED} when it says running but its process is gone. */
    public Experiment read(String id) throws IOException {
        Experiment e = readFile(id);
        return e.isAbandoned(host) ? e.abandoned(null) : e;
    }

    private Experiment readFile(String id) throws IOException {
        Path file = folder(id).resolve(Experiment.FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Json.read(file, Experiment.class);
    }

    /** Every experiment, oldest first (ids sort by time), the abandoned ones as such. */
    public List<ExperimentSummary> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return withIndexLock(this::readOrRebuild).stream()
                .map(s -> s.isAbandoned(host) ? s.withStatus(ExperimentStatus.ABANDONED) : s)
                .toList();
    }

    /**
     * Writes the abandoned records of {@code runKey} as {@link ExperimentStatus#ABANDONED}, adding
     * {@code note}: for a build or sweep that runs that configuration again, and so takes it over.
     */
    public void settleAbandoned(String runKey, String note) throws IOException {
        for (ExperimentSummary s : list()) {
            if (s.status() == ExperimentStatus.ABANDONED && runKey.equals(s.runKey())) {
                Experiment e = readFile(s.id());
                if (e.isAbandoned(host)) {
                    save(e.abandoned(note));
                }
            }
        }
    }

    /** A record of {@code runKey} whose process is still running on this machine: the same build is under way. */
    public Optional<ExperimentSummary> runningHere(String runKey) throws IOException {
        return list().stream()
                .filter(s -> s.status() == ExperimentStatus.RUNNING && runKey.equals(s.runKey()) && s.owner() != null
                        && host.equals(s.owner().host()))
                .findFirst();
    }

    /** The experiment that already did this run successfully, if any. */
    public Optional<ExperimentSummary> succeeded(String runKey) throws IOException {
        return list().stream()
                .filter(s -> s.status() == ExperimentStatus.SUCCEEDED && runKey.equals(s.runKey()))
                .reduce((a, b) -> b);
    }

    /**
     * The id that {@code idOrPrefix} names: an exact id or label, or a unique prefix of an id.
     *
     * @throws IllegalArgumentException naming the candidates when none or several match
     */
    public String resolve(String idOrPrefix) throws IOException {
        List<ExperimentSummary> all = list();
        for (ExperimentSummary s : all) {
            if (s.id().equals(idOrPrefix)) {
                return s.id();
            }
        }
        List<String> byLabel = all.stream().filter(s -> idOrPrefix.equals(s.label())).map(ExperimentSummary::id).toList();
        if (byLabel.size() == 1) {
            return byLabel.get(0);
        }
        List<String> matches = all.stream().map(ExperimentSummary::id).filter(id -> id.startsWith(idOrPrefix)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no experiment matches '" + idOrPrefix + "' in " + root
                    + (all.isEmpty() ? " (there are none yet)" : ""));
        }
        throw new IllegalArgumentException("'" + idOrPrefix + "' matches " + matches.size() + " experiments ("
                + String.join(", ", matches.subList(0, Math.min(5, matches.size())))
                + (matches.size() > 5 ? ", ..." : "") + "): give more of the id");
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T withIndexLock(Locked<T> action) throws IOException {
        Files.createDirectories(root);
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(root, k -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            return action.run();
        } finally {
            jvm.unlock();
        }
    }

    private List<ExperimentSummary> readOrRebuild() throws IOException {
        Path index = root.resolve(INDEX);
        List<Path> folders = folders();
        if (Files.isRegularFile(index)) {
            try {
                IndexFile file = Json.read(index, IndexFile.class);
                if (file.experiments() != null && fresh(index, file, folders)) {
                    return sorted(file.experiments());
                }
            } catch (IOException e) {
                // unreadable index: rebuilt below from the folders
            }
        }
        List<ExperimentSummary> rebuilt = new ArrayList<>();
        for (Path f : folders) {
            try {
                rebuilt.add(ExperimentSummary.of(Json.read(f.resolve(Experiment.FILE), Experiment.class)));
            } catch (IOException | RuntimeException e) {
                // one unreadable record must not hide the others; `show` reports it in full
            }
        }
        writeIndex(rebuilt);
        return sorted(rebuilt);
    }

    /** The index lists exactly the folders and none of their records is newer than it. */
    private static boolean fresh(Path index, IndexFile file, List<Path> folders) throws IOException {
        Set<String> listed = new HashSet<>();
        file.experiments().forEach(s -> listed.add(s.id()));
        Set<String> present = new HashSet<>();
        folders.forEach(f -> present.add(f.getFileName().toString()));
        if (!listed.equals(present)) {
            return false;
        }
        FileTime indexTime = Files.getLastModifiedTime(index);
        for (Path f : folders) {
            if (Files.getLastModifiedTime(f.resolve(Experiment.FILE)).compareTo(indexTime) > 0) {
                return false;
            }
        }
        return true;
    }

    private List<Path> folders() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(Experiment.FILE))).sorted().toList();
        }
    }

    private void writeIndex(List<ExperimentSummary> entries) throws IOException {
        Json.writeAtomically(root.resolve(INDEX), new IndexFile("rdkzoo.experiment-index/1", sorted(entries)));
    }

    private static List<ExperimentSummary> sorted(List<ExperimentSummary> entries) {
        return entries.stream().sorted(Comparator.comparing(ExperimentSummary::id)).toList();
    }
}
