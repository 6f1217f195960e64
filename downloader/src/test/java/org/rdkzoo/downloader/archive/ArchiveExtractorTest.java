package org.rdkzoo.downloader.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
    @TempDir
    Path dir;

    final ArchiveExtractor extractor = new ArchiveExtractor(ArchiveLimits.DEFAULT);

    /** One tar entry to write: a file (content), a folder, a symlink or a hard link (target). */
    record E(String name, byte type, String content, String target, int mode) {
        static E file(String name, String content) {
            return new E(name, TarConstants.LF_NORMAL, content, null, 0644);
        }

        static E exe(String name, String content) {
            return new E(name, TarConstants.LF_NORMAL, content, null, 0755);
        }

        static E folder(String name) {
            return new E(name, TarConstants.LF_DIR, null, null, 0755);
        }

        static E symlink(String name, String target) {
            return new E(name, TarConstants.LF_SYMLINK, null, target, 0777);
        }

        static E hardLink(String name, String target) {
            return new E(name, TarConstants.LF_LINK, null, target, 0644);
        }
    }

    Path tar(String fileName, E... entries) throws IOException {
        Path p = dir.resolve(fileName);
        try (OutputStream raw = Files.newOutputStream(p);
                OutputStream compressed = fileName.endsWith(".gz") ? new GzipCompressorOutputStream(raw)
                        : fileName.endsWith(".xz") ? new XZCompressorOutputStream(raw) : raw;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (E e : entries) {
                // preserveAbsolutePath: hostile archives keep their leading '/'.
                TarArchiveEntry t = new TarArchiveEntry(e.name(), e.type(), true);
                t.setMode(e.mode() | (e.type() == TarConstants.LF_DIR ? 040000 : 0100000));
                byte[] body = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                if (e.target() != null) {
                    t.setLinkName(e.target());
                }
                t.setSize(e.type() == TarConstants.LF_NORMAL ? body.length : 0);
                tar.putArchiveEntry(t);
                if (e.type() == TarConstants.LF_NORMAL) {
                    tar.write(body);
                }
                tar.closeArchiveEntry();
            }
        }
        return p;
    }

    /** Zip entries: name → content, or "->target" for a unix symlink. */
    Path zip(String fileName, String... nameContent) throws IOException {
        Path p = dir.resolve(fileName);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(p)) {
            for (int i = 0; i < nameContent.length; i += 2) {
                ZipArchiveEntry e = new ZipArchiveEntry(nameContent[i]);
                String c = nameContent[i + 1];
                if (c.startsWith("->")) {
                    e.setUnixMode(0120777);
                    c = c.substring(2);
                }
                zip.putArchiveEntry(e);
                zip.write(c.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return p;
    }

    /** Asserts the refusal, and that neither the target nor a staging folder is left. */
    void assertRefused(Path archive, String expected) throws IOException {
        Path target = dir.resolve("out");
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> extractor.extract(archive, target));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was extracted"), e.getMessage());
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(x -> x.getFileName().toString().startsWith(".out.unpack-")).toList());
        }
    }

    @Test
    void unpacksATarGzWithFoldersAnExecutableAndAnInternalLink() throws IOException {
        Path archive = tar("pkg.tar.gz", E.folder("pkg/"), E.file("pkg/doc/readme.txt", "hello"),
                E.exe("pkg/bin/hb_mapper", "#!/bin/sh\n"), E.symlink("pkg/latest", "doc/readme.txt"),
                E.hardLink("pkg/copy.txt", "pkg/doc/readme.txt"));
        Path out = extractor.extract(archive, dir.resolve("out"));
        assertEquals("hello", Files.readString(out.resolve("pkg/doc/readme.txt")));
        assertTrue(Files.isExecutable(out.resolve("pkg/bin/hb_mapper")));
        assertFalse(Files.isExecutable(out.resolve("pkg/doc/readme.txt")));
        assertEquals(Path.of("doc/readme.txt"), Files.readSymbolicLink(out.resolve("pkg/latest")));
        assertEquals("hello", Files.readString(out.resolve("pkg/latest")));
        assertEquals("hello", Files.readString(out.resolve("pkg/copy.txt")));
    }

    @Test
    void unpacksPlainTarTarXzAndZip() throws IOException {
        assertEquals("a", Files.readString(extractor.extract(tar("a.tar", E.file("x/a.txt", "a")), dir.resolve("t1"))
                .resolve("x/a.txt")));
        assertEquals("b", Files.readString(extractor.extract(tar("b.tar.xz", E.file("b.txt", "b")), dir.resolve("t2"))
                .resolve("b.txt")));
        Path z = extractor.extract(zip("c.zip", "calib/", "", "calib/img1.rgb", "pixels", "calib/link", "->img1.rgb"),
                dir.resolve("t3"));
        assertEquals("pixels", Files.readString(z.resolve("calib/img1.rgb")));
        assertTrue(Files.isSymbolicLink(z.resolve("calib/link")));
    }

    @Test
    void refusesDotDotTraversal() throws IOException {
        assertRefused(tar("evil.tar", E.file("ok.txt", "fine"), E.file("a/../../evil.txt", "x")),
                "a/../../evil.txt would be written outside the target folder");
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertRefused(zip("evil.zip", "../../evil.txt", "x"), "would be written outside the target folder");
        assertRefused(zip("win.zip", "..\\..\\evil.txt", "x"), "would be written outside the target folder");
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Path victim = dir.resolve("victim.txt");
        assertRefused(tar("abs.tar", E.file(victim.toString(), "pwned")), "is an absolute path");
        assertFalse(Files.exists(victim));
    }

    @Test
    void refusesSymbolicLinksThatLeadOut() throws IOException {
        assertRefused(tar("l1.tar", E.symlink("etc", "/etc")), "etc is a symbolic link to the absolute path /etc");
        assertRefused(tar("l2.tar", E.symlink("up", "../..")), "up is a symbolic link to ../.., outside the target folder");
        assertRefused(zip("l3.zip", "up", "->../outside"), "outside the target folder");
    }

    @Test
    void refusesALinkThatLeadsOutOnlyThroughAnotherLink() throws IOException {
        // "here" is the root itself, so "here/up -> .." reads as the root but is its parent.
        assertRefused(tar("l4.tar", E.symlink("here", "."), E.symlink("here/up", ".."), E.file("here/up/pwned.txt", "x")),
                "here/up is a symbolic link to .., which through other links leads outside the target folder");
        assertFalse(Files.exists(dir.resolve("pwned.txt")));
    }

    @Test
    void refusesHardLinksThatLeadOut() throws IOException {
        assertRefused(tar("h1.tar", E.hardLink("passwd", "/etc/passwd")), "hard link to the absolute path /etc/passwd");
        assertRefused(tar("h2.tar", E.hardLink("passwd", "../../etc/passwd")), "outside the target folder");
        assertRefused(tar("h3.tar", E.hardLink("ghost", "not-there.txt")), "which is not a file extracted before it");
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        E[] many = new E[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = E.file("f" + i, "x");
        }
        ArchiveExtractor strict = new ArchiveExtractor(new ArchiveLimits(1 << 20, 10));
        Path archive = tar("many.tar", many);
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> strict.extract(archive, dir.resolve("out")));
        assertTrue(e.getMessage().contains("more than 10 entries (at f10)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void refusesAnArchiveThatUnpacksToTooManyBytesCountingWhatIsWritten() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bomb)) {
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        assertTrue(Files.size(bomb) < 64 * 1024, "a bomb is small");
        ArchiveExtractor strict = new ArchiveExtractor(new ArchiveLimits(1 << 20, 100));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> strict.extract(bomb, dir.resolve("out")));
        assertTrue(e.getMessage().contains("it unpacks to more than 1048576 bytes (at zeros.bin)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void refusesANonEmptyTargetAndUnknownKinds() throws IOException {
        Path archive = tar("a.tar", E.file("a.txt", "a"));
        Path target = Files.createDirectories(dir.resolve("full"));
        Files.writeString(target.resolve("mine.txt"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> extractor.extract(archive, target));
        assertEquals("keep me", Files.readString(target.resolve("mine.txt")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("a", Files.readString(extractor.extract(archive, empty).resolve("a.txt")));

        IOException e = assertThrows(IOException.class, () -> extractor.extract(dir.resolve("x.rar"), dir.resolve("o")));
        assertTrue(e.getMessage().contains("not a supported archive"), e.getMessage());
    }

    @Test
    void aCorruptArchiveLeavesNothingBehind() throws IOException {
        Path archive = tar("c.tar.gz", E.file("a.txt", "a".repeat(10_000)));
        byte[] b = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(b, b.length / 2));
        assertThrows(IOException.class, () -> extractor.extract(archive, dir.resolve("out")));
        assertFalse(Files.exists(dir.resolve("out")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(x -> x.getFileName().toString().startsWith(".out.unpack-")).count());
        }
    }
}
