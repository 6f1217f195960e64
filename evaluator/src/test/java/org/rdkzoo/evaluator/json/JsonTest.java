package org.rdkzoo.evaluator.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @TempDir
    Path dir;

    @Test
    void atomicWritesLeaveNoTemporaryFileAndReplaceTheOldContent() throws IOException {
        Path file = dir.resolve("sub/r.json");
        Json.writeAtomically(file, Map.of("a", 1));
        Json.writeStringAtomically(file, "replaced\n");
        assertEquals("replaced\n", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writtenFilesAreNotPrivateLikeTemporaryFiles() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system");
        Path reference = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("report.html");
        Json.writeStringAtomically(written, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertEquals(expected, Files.getPosixFilePermissions(written), "the umask decides, as for any new file");
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ));
    }
}
