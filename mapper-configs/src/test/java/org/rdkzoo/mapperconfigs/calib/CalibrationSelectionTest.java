package org.rdkzoo.mapperconfigs.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationSelectionTest {
    @TempDir
    Path dir;

    @Test
    void imageNamesAreRecognisedByExtensionInAnyCase() {
        for (String name : List.of("a.jpg", "a.JPG", "a.Jpeg", "a.JPEG", "a.png", "a.PnG", "a.bmp", "a.BMP", ".jpg")) {
            assertTrue(CalibrationSelection.isImageName(name), name);
        }
        for (String name : List.of("a.jpg.txt", "jpg", "a.jpe", "a.gif", "a.tiff", "", "a.jpgx", "apng")) {
            assertFalse(CalibrationSelection.isImageName(name), name);
        }
    }

    @Test
    void listingSortsImagesByCodePointAndKeepsOtherEntriesApart() throws Exception {
        // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D < 0xFF5E).
        List<String> names = List.of("b.JPEG", "a.png", "\uFF5E.jpg", "\uD83D\uDE00.jpg", "A.bmp");
        for (String n : names) {
            Files.write(dir.resolve(n), new byte[] {1});
        }
        Files.writeString(dir.resolve("labels.txt"), "x");
        Files.createDirectory(dir.resolve("sub.jpg"));
        Files.write(dir.resolve(".hidden.jpg"), new byte[] {1});

        CalibrationSelection.Listing listing = CalibrationSelection.list(dir);

        assertEquals(List.of("A.bmp", "a.png", "b.JPEG", "\uFF5E.jpg", "\uD83D\uDE00.jpg"),
                listing.images().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(dir.resolve("A.bmp")), listing.images().subList(0, 1));
        assertEquals(List.of("labels.txt", "sub.jpg"), listing.other());
    }
}
