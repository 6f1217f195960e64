package org.rdkzoo.downloader.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.CatalogEntry;

/**
 * The artifact cache: one folder holding the files under their own names and {@code manifest.json},
 * which records each completed file (URL, size, SHA-256, validators, time). A download in progress is
 * {@code <file>.part} with its resume state in {@code <file>.part.json}; lock files live in
 * {@code .locks/}. A file the manifest does not record is never trusted.
 */
public final class ModelCache {
    public static final String MANIFEST = "manifest.json";
    private static final String LOCKS = ".locks";

    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The cache of a workspace: {@code <home>/models}. */
    public static ModelCache inHome(Path home) {
        return new ModelCache(home.resolve("models"));
    }

    public Path dir() {
        return dir;
    }

    /** Where a completed file lives. */
    public Path path(String file) {
        return dir.resolve(file);
    }

    /** Where a download in progress accumulates. */
    public Path partPath(String file) {
        return dir.resolve(file + ".part");
    }

    public Path manifestPath() {
        return dir.resolve(MANIFEST);
    }

    /** The lock file that serialises pulls of one artifact across threads and processes. */
    public Path lockPath(String file) {
        return dir.resolve(LOCKS).resolve(file + ".lock");
    }

    /** Every recorded file, by name. */
    public Map<String, ManifestEntry> manifest() throws IOException {
        return ManifestFile.read(manifestPath());
    }

    public Optional<ManifestEntry> recorded(String file) throws IOException {
        return Optional.ofNullable(manifest().get(file));
    }

    /** Adds or replaces one manifest entry; safe against concurrent writers in this and other processes. */
    public void record(ManifestEntry entry) throws IOException, InterruptedException {
        try (LockedFiles.Held lock = LockedFiles.acquire(dir.resolve(LOCKS).resolve(MANIFEST + ".lock"), () -> { })) {
            TreeMap<String, ManifestEntry> all = ManifestFile.read(manifestPath());
            all.put(entry.file(), entry);
            ManifestFile.write(manifestPath(), all);
        }
    }

    /** Removes one manifest entry (the file itself is left alone). */
    public void forget(String file) throws IOException, InterruptedException {
        try (LockedFiles.Held lock = LockedFiles.acquire(dir.resolve(LOCKS).resolve(MANIFEST + ".lock"), () -> { })) {
            TreeMap<String, ManifestEntry> all = ManifestFile.read(manifestPath());
            if (all.remove(file) != null) {
                ManifestFile.write(manifestPath(), all);
            }
        }
    }

    /** The artifact's state from the manifest and the file system, without hashing. */
    public ArtifactState state(Artifact artifact) throws IOException {
        return state(artifact, manifest());
    }

    /** As {@link #state(Artifact)}, against a manifest already read (listing many artifacts). */
    public ArtifactState state(Artifact artifact, Map<String, ManifestEntry> manifest) throws IOException {
        Path path = path(artifact.file());
        boolean present = Files.isRegularFile(path);
        long size = present ? Files.size(path) : -1;
        ManifestEntry recorded = manifest.get(artifact.file());
        Path part = partPath(artifact.file());
        long partial = Files.isRegularFile(part) ? Files.size(part) : -1;
        return new ArtifactState(artifact.file(), path, present, size, recorded,
                present && usable(recorded, size, artifact), partial);
    }

    /**
     * True when a recorded file can be re-used without the network: the size on disk is the recorded
     * one and the record agrees with whatever the catalog pins. (Bytes are re-hashed by verify.)
     */
    static boolean usable(ManifestEntry recorded, long sizeOnDisk, Artifact artifact) {
        if (recorded == null || recorded.size() != sizeOnDisk) {
            return false;
        }
        if (artifact.sha256() != null && !artifact.sha256().equals(recorded.sha256())) {
            return false;
        }
        return artifact.size() == null || artifact.size() == recorded.size();
    }

    /**
     * The local path of a cached artifact, for commands that read it.
     *
     * @throws NotCachedException saying which {@code rdkzoo pull} would fetch it
     * @throws IllegalArgumentException when the entry has no such artifact at all
     */
    public Path require(CatalogEntry entry, ArtifactFormat format) throws IOException {
        Artifact artifact = entry.artifact(format).orElseThrow(() -> new IllegalArgumentException(
                entry.id() + " has no ." + format.id() + " artifact in the catalog"
                        + (format == ArtifactFormat.ONNX ? " (the zoo publishes no ONNX for it)" : "")));
        ArtifactState s = state(artifact);
        if (s.usable()) {
            return s.path();
        }
        String pull = "rdkzoo pull " + entry.id() + (format == ArtifactFormat.BIN ? "" : " --format " + format.id());
        String why;
        if (!s.present()) {
            why = "not in the cache (" + dir + ")";
        } else if (s.recorded() == null) {
            why = "in " + dir + " but not recorded in its manifest (copied by hand?)";
        } else {
            why = "in the cache but it does not match its record (" + s.sizeOnDisk() + " bytes on disk, "
                    + s.recorded().size() + " recorded, or a different pinned checksum)";
        }
        throw new NotCachedException(artifact.file(), artifact.file() + " is " + why + ": run `" + pull + "`");
    }

    /** Re-hashes a recorded file and compares it with its record and with the catalog's pin, if given. */
    public VerifyResult verify(String file, Artifact pin) throws IOException {
        return verify(file, manifest().get(file), pin);
    }

    VerifyResult verify(String file, ManifestEntry recorded, Artifact pin) throws IOException {
        Path path = path(file);
        if (recorded == null) {
            boolean onDisk = Files.isRegularFile(path);
            return new VerifyResult(file, VerifyResult.Status.NOT_CACHED,
                    onDisk ? "on disk but not recorded in the manifest" : "not in the cache",
                    -1, onDisk ? Files.size(path) : -1, pin == null ? null : pin.sha256(), null);
        }
        if (!Files.isRegularFile(path)) {
            return new VerifyResult(file, VerifyResult.Status.MISSING, "recorded but the file is gone",
                    recorded.size(), -1, recorded.sha256(), null);
        }
        long size = Files.size(path);
        String actual = Sha256.of(path);
        if (size != recorded.size() || !actual.equals(recorded.sha256())) {
            return new VerifyResult(file, VerifyResult.Status.CHANGED,
                    "expected " + recorded.size() + " bytes, sha256 " + recorded.sha256() + "; found " + size
                            + " bytes, sha256 " + actual,
                    recorded.size(), size, recorded.sha256(), actual);
        }
        if (pin != null && pin.sha256() != null && !pin.sha256().equals(actual)) {
            return new VerifyResult(file, VerifyResult.Status.CHANGED,
                    "the catalog pins sha256 " + pin.sha256() + "; found " + actual,
                    pin.size() == null ? -1 : pin.size(), size, pin.sha256(), actual);
        }
        return new VerifyResult(file, VerifyResult.Status.OK, "", recorded.size(), size, recorded.sha256(), actual);
    }
}
