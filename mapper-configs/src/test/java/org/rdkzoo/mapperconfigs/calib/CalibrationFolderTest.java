package org.rdkzoo.mapperconfigs.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFolderTest {
    @TempDir
    Path dir;

    @Test
    void writesTheRemainingBytesOfADirectBufferAndLeavesNoTemporaryFile() throws Exception {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length + 10);
        data.put(bytes).flip();
        CalibrationFolder folder = CalibrationFolder.open(dir.resolve("cal"));

        folder.write("a.rgb", data);

        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("cal/a.rgb")));
        assertEquals(0, data.position(), "the caller's buffer is not consumed");
        assertEquals(List.of("a.rgb"), names(dir.resolve("cal")));
    }

    @Test
    void aWriteThatCannotBeMovedIntoPlaceRemovesItsTemporaryFile() throws Exception {
        CalibrationFolder folder = CalibrationFolder.open(dir.resolve("cal"));
        // A non-empty folder under the target name: the rename fails after the bytes were written.
        Files.createDirectories(dir.resolve("cal/a.rgb"));
        Files.writeString(dir.resolve("cal/a.rgb/x"), "x");

        assertThrows(IOException.class, () -> folder.write("a.rgb", ByteBuffer.wrap(new byte[] {1, 2, 3})));

        assertEquals(List.of("a.rgb"), names(dir.resolve("cal")), "only the folder that was there");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
