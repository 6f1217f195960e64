package org.rdkzoo.downloader.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks {@code .tar}, {@code .tar.gz}/{@code .tgz}, {@code .tar.xz}/{@code .txz} and {@code .zip}
 * archives safely: every entry must land inside the target (no {@code ..}, no absolute path, no symbolic
 * or hard link leading out, nothing written through a link), the total size and entry count are
 * bounded, and an archive is unpacked into a hidden sibling folder that becomes the target only when
 * everything succeeded, so a refused or broken archive leaves nothing behind.
 */
public final class ArchiveExtractor {
    private static final int MAX_LINK_TARGET = 4096;

    private final ArchiveLimits limits;

    public ArchiveExtractor(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** The archive kinds this extractor reads, recognised by file name. */
    public enum Kind {
        TAR, TAR_GZ, TAR_XZ, ZIP;

        /** The kind of {@code archive} by its name, or null when it is none of them. */
        public static Kind of(Path archive) {
            String n = archive.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                return TAR_GZ;
            }
            if (n.endsWith(".tar.xz") || n.endsWith(".txz")) {
                return TAR_XZ;
            }
            if (n.endsWith(".tar")) {
                return TAR;
            }
            return n.endsWith(".zip") ? ZIP : null;
        }
    }

    /**
     * Unpacks {@code archive} into {@code target}, which must not exist yet (or be an empty folder).
     *
     * @return the target folder
     * @throws UnsafeArchiveException when an entry is refused or a limit is exceeded
     */
    public Path extract(Path archive, Path target) throws IOException {
        Kind kind = Kind.of(archive);
        if (kind == null) {
            throw new IOException(archive + ": not a supported archive (expected .tar, .tar.gz, .tgz, .tar.xz, "
                    + ".txz or .zip)");
        }
        Path dest = target.toAbsolutePath().normalize();
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(dest)) {
            throw new FileAlreadyExistsException(dest.toString(), null, "the target folder exists and is not empty");
        }
        Files.createDirectories(dest.getParent());
        Path staging = Files.createTempDirectory(dest.getParent(), "." + dest.getFileName() + ".unpack-");
        boolean done = false;
        try {
            Writer writer = new Writer(archive, staging.toRealPath());
            if (kind == Kind.ZIP) {
                unzip(archive, writer);
            } else {
                untar(archive, kind, writer);
            }
            Files.deleteIfExists(dest);
            Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return dest;
        } finally {
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    private void untar(Path archive, Kind kind, Writer writer) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                InputStream decompressed = switch (kind) {
                    case TAR_GZ -> new GzipCompressorInputStream(raw, true);
                    case TAR_XZ -> new XZCompressorInputStream(raw, true);
                    default -> raw;
                };
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                writer.count(e.getName());
                if (e.isDirectory()) {
                    writer.directory(e.getName());
                } else if (e.isSymbolicLink()) {
                    writer.symlink(e.getName(), e.getLinkName());
                } else if (e.isLink()) {
                    writer.hardLink(e.getName(), e.getLinkName());
                } else if (e.isFile()) {
                    writer.file(e.getName(), tar, (e.getMode() & 0100) != 0, e.getLastModifiedTime());
                } else {
                    throw writer.refuse(e.getName() + " is a device or FIFO entry, which rdkzoo does not create");
                }
            }
        }
    }

    private void unzip(Path archive, Writer writer) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                writer.count(e.getName());
                if (e.isUnixSymlink()) {
                    if (e.getSize() > MAX_LINK_TARGET) {
                        throw writer.refuse(e.getName() + " is a symbolic link with a " + e.getSize() + "-byte target");
                    }
                    writer.symlink(e.getName(), zip.getUnixSymlink(e));
                } else if (e.isDirectory()) {
                    writer.directory(e.getName());
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        writer.file(e.getName(), in, (e.getUnixMode() & 0100) != 0, e.getLastModifiedTime());
                    }
                }
            }
        }
    }

    /** Writes entries into the staging folder, checking each against the rules and the limits. */
    private final class Writer {
        private final Path archive;
        private final Path root;
        private final byte[] buffer = new byte[1 << 16];
        private long entries;
        private long bytes;

        Writer(Path archive, Path root) {
            this.archive = archive;
            this.root = root;
        }

        void count(String name) throws UnsafeArchiveException {
            if (++entries > limits.maxEntries()) {
                throw refuse("more than " + limits.maxEntries() + " entries (at " + name + ")");
            }
        }

        /** The path of an entry inside the root; refuses absolute names and names that climb out. */
        Path inside(String name) throws UnsafeArchiveException {
            String n = name.replace('\\', '/');
            if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
                throw refuse(name + " is an absolute path");
            }
            Path p = root.resolve(n).normalize();
            if (!p.startsWith(root)) {
                throw refuse(name + " would be written outside the target folder");
            }
            return p;
        }

        /** Creates the parent folders of {@code p} and refuses if they resolve, through links, outside. */
        void safeParent(Path p, String name) throws IOException {
            Path parent = p.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(root)) {
                throw refuse(name + " would be written through a link that leads outside the target folder");
            }
            if (Files.isSymbolicLink(p)) {
                Files.delete(p); // a later entry replaces a link itself, never what it points to
            }
        }

        void directory(String name) throws IOException {
            Path p = inside(name);
            if (p.equals(root)) {
                return;
            }
            safeParent(p, name);
            Files.createDirectories(p);
            if (!p.toRealPath().startsWith(root)) {
                throw refuse(name + " is a folder reached through a link that leads outside the target folder");
            }
        }

        void symlink(String name, String linkTarget) throws IOException {
            Path p = inside(name);
            String t = linkTarget.replace('\\', '/');
            if (t.isEmpty() || t.startsWith("/") || t.matches("^[A-Za-z]:.*")) {
                throw refuse(name + " is a symbolic link to the absolute path " + linkTarget);
            }
            if (!p.getParent().resolve(t).normalize().startsWith(root)) {
                throw refuse(name + " is a symbolic link to " + linkTarget + ", outside the target folder");
            }
            safeParent(p, name);
            // Resolved again from the real folder: an earlier link may make "a/.." mean more than it says.
            if (!p.getParent().toRealPath().resolve(t).normalize().startsWith(root)) {
                throw refuse(name + " is a symbolic link to " + linkTarget + ", which through other links leads "
                        + "outside the target folder");
            }
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, p.getFileSystem().getPath(t));
        }

        void hardLink(String name, String linkTarget) throws IOException {
            Path p = inside(name);
            String t = linkTarget.replace('\\', '/');
            if (t.startsWith("/")) {
                throw refuse(name + " is a hard link to the absolute path " + linkTarget);
            }
            Path existing = root.resolve(t).normalize();
            if (!existing.startsWith(root)) {
                throw refuse(name + " is a hard link to " + linkTarget + ", outside the target folder");
            }
            if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)
                    || !existing.toRealPath().startsWith(root)) {
                throw refuse(name + " is a hard link to " + linkTarget + ", which is not a file extracted before it");
            }
            safeParent(p, name);
            Files.deleteIfExists(p);
            // A copy, not a link: the unpacked tree never shares inodes with anything.
            long size = Files.size(existing);
            addBytes(size, name);
            Files.copy(existing, p);
        }

        void file(String name, InputStream in, boolean executable, FileTime modified) throws IOException {
            Path p = inside(name);
            if (p.equals(root)) {
                throw refuse(name + " names the target folder itself");
            }
            safeParent(p, name);
            Files.deleteIfExists(p);
            try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    addBytes(n, name);
                    out.write(buffer, 0, n);
                }
            }
            if (executable) {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: there is no executable bit to keep.
                }
            }
            if (modified != null) {
                Files.setLastModifiedTime(p, modified);
            }
        }

        private void addBytes(long n, String name) throws UnsafeArchiveException {
            bytes += n;
            if (bytes > limits.maxTotalBytes()) {
                throw refuse("it unpacks to more than " + limits.maxTotalBytes() + " bytes (at " + name + ")");
            }
        }

        UnsafeArchiveException refuse(String problem) {
            return new UnsafeArchiveException(archive, problem);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a tree without following links out of it. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
