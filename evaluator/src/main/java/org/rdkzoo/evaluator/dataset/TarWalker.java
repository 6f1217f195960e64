package org.rdkzoo.evaluator.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Walks the image entries of a tar as one forward stream, never unpacking it: tars inside the tar (the
 * ILSVRC2012 training archive holds one {@code n01440764.tar} per class) are walked in place, their
 * images named {@code outer.tar/inner.JPEG}. A {@code .tar.gz} or {@code .tgz} is decompressed on the fly.
 * Skipping an entry seeks over it in an uncompressed tar, so listing a large archive reads only headers
 * (except inside nested tars, whose headers sit in their parent's data).
 */
final class TarWalker implements AutoCloseable {
    /** Entries bigger than this are reported as failures instead of being read into memory. */
    static final long MAX_IMAGE_BYTES = 256L << 20;

    private record Level(String prefix, TarArchiveInputStream in) {
    }

    private final Path archive;
    private final InputStream file;
    private final Deque<Level> levels = new ArrayDeque<>();
    private String currentId;
    private long currentSize;

    TarWalker(Path archive) throws IOException {
        this.archive = archive;
        this.file = Files.newInputStream(archive);
        InputStream in = file;
        if (isGzip(archive)) {
            in = new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16), true);
        }
        levels.push(new Level("", new TarArchiveInputStream(in)));
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar") || isGzip(path);
    }

    private static boolean isGzip(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    /** Moves to the next image entry; its id and size are then {@link #id()} and {@link #size()}. */
    boolean next() throws IOException {
        while (!levels.isEmpty()) {
            Level level = levels.peek();
            TarArchiveEntry entry;
            try {
                entry = level.in().getNextEntry();
            } catch (IOException e) {
                throw new IOException(archive + ": the archive is damaged after " + (currentId == null ? "its start"
                        : "entry " + currentId) + ": " + e.getMessage(), e);
            }
            if (entry == null) {
                // An inner stream is left open: closing it would close the outer stream it reads from.
                levels.pop();
                continue;
            }
            if (!entry.isFile()) {
                continue;
            }
            String name = level.prefix() + normalise(entry.getName());
            if (name.toLowerCase(Locale.ROOT).endsWith(".tar")) {
                levels.push(new Level(name + "/", new TarArchiveInputStream(level.in())));
                continue;
            }
            if (ImageFiles.isImage(name)) {
                currentId = name;
                currentSize = entry.getSize();
                return true;
            }
        }
        return false;
    }

    String id() {
        return currentId;
    }

    long size() {
        return currentSize;
    }

    /** The bytes of the current entry (at most {@link #MAX_IMAGE_BYTES}); a short read means a truncated archive. */
    byte[] read() throws IOException {
        if (currentSize > MAX_IMAGE_BYTES) {
            throw new IllegalStateException(currentId + " is too large to read: " + currentSize + " bytes");
        }
        byte[] bytes;
        try {
            bytes = levels.peek().in().readNBytes((int) currentSize);
        } catch (IOException e) {
            throw new IOException(archive + ": cannot read entry " + currentId + ": " + e.getMessage(), e);
        }
        if (bytes.length != currentSize) {
            throw new IOException(archive + ": the archive ends inside entry " + currentId + " ("
                    + bytes.length + " of " + currentSize + " bytes)");
        }
        return bytes;
    }

    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        levels.clear();
        file.close();
    }
}
