package org.rdkzoo.mapperconfigs.calib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.json.InvalidJsonFileException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * The output folder of a calibration run. hb_mapper reads every file of {@code cal_data_dir}, so the
 * folder holds calibration tensors only and is rdkzoo's alone: a new or empty folder, or one an earlier
 * run made, as its manifest beside the folder ({@link CalibrationManifest#locationFor}) says. Files are
 * written atomically (a hidden temporary file, then a rename), so an
 * interrupted run leaves whole files or none.
 */
final class CalibrationFolder {
    private final Path dir;
    private final CalibrationManifest previous;

    private CalibrationFolder(Path dir, CalibrationManifest previous) {
        this.dir = dir;
        this.previous = previous;
    }

    static CalibrationFolder open(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CalibrationInputException("--out " + dir + " is a file, not a folder");
        }
        Files.createDirectories(dir);
        Path manifestFile = CalibrationManifest.locationFor(dir);
        CalibrationManifest previous = null;
        if (Files.exists(manifestFile)) {
            try {
                previous = Json.read(manifestFile, CalibrationManifest.class);
            } catch (InvalidJsonFileException e) {
                throw new CalibrationInputException(e.getMessage() + "; remove it or choose another --out", e);
            }
            if (!CalibrationManifest.FORMAT.equals(previous.format())) {
                throw new CalibrationInputException(manifestFile + " is not an rdkzoo calibration manifest (format "
                        + previous.format() + ", expected " + CalibrationManifest.FORMAT + ")");
            }
        } else {
            List<String> present = visibleNames(dir);
            if (!present.isEmpty()) {
                throw new CalibrationInputException("--out " + dir + " is not empty and was not made by mapper calib"
                        + " (no " + manifestFile.getFileName() + " beside it; it holds " + describe(present)
                        + "): hb_mapper reads every file of cal_data_dir, so choose a new or empty folder");
            }
        }
        CalibrationFolder folder = new CalibrationFolder(dir, previous);
        folder.removeTemporaryFiles();
        return folder;
    }

    Path dir() {
        return dir;
    }

    /** The manifest an earlier run left, or {@code null}. */
    CalibrationManifest previous() {
        return previous;
    }

    /** True when the entry's file is present with the size and SHA-256 the manifest recorded. */
    boolean holds(CalibrationManifest.Entry entry) throws IOException {
        Path file = dir.resolve(entry.output());
        if (!Files.isRegularFile(file) || Files.size(file) != entry.outputBytes()) {
            return false;
        }
        return sha256(Files.readAllBytes(file)).equals(entry.outputSha256());
    }

    /** Writes the remaining bytes of {@code data} (a direct buffer is written without a copy). */
    void write(String name, ByteBuffer data) throws IOException {
        // A fresh temporary name opened with CREATE_NEW and no truncation: truncating a file (which is what
        // createTempFile followed by Files.write does) makes ext4 flush it synchronously on close.
        Path tmp = dir.resolve("." + name + "." + Thread.currentThread().getId() + "-" + System.nanoTime() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = data.duplicate();
                while (remaining.hasRemaining()) {
                    out.write(remaining);
                }
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            // Only a failed write leaves the temporary file behind (a moved one is gone: no lookup for it).
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    void writeManifest(CalibrationManifest manifest) throws IOException {
        Json.writeAtomically(CalibrationManifest.locationFor(dir), manifest);
    }

    /**
     * Deletes calibration files of earlier runs that the new selection does not keep ({@code .rgb}
     * files: in a folder that is rdkzoo's, they can only be ours), and returns their names.
     */
    List<String> removeStale(Set<String> keep) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String name : visibleNames(dir)) {
            if (name.endsWith(".rgb") && !keep.contains(name)) {
                Files.deleteIfExists(dir.resolve(name));
                removed.add(name);
            }
        }
        return removed;
    }

    /** Other visible files, which hb_mapper would read as calibration data too. */
    List<String> foreign(Set<String> keep) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : visibleNames(dir)) {
            if (!keep.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Leftovers of an interrupted run: the hidden temporary files {@link #write} leaves when killed. */
    private void removeTemporaryFiles() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && name.contains(".rgb.")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String> visibleNames(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static String describe(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    static String sha256(byte[] data) {
        return Sha256.of(data);
    }

    static String sha256(ByteBuffer data) {
        return Sha256.of(data);
    }
}
