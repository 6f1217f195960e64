package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void missingFileIsUnreadableAndNamed() {
        Path missing = dir.resolve("nope.JPEG");
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> ImageDecoder.read(missing));
        assertEquals(missing.toString(), e.image());
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    @Test
    void directoryIsUnreadableAndSaysSo() {
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> ImageDecoder.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void htmlSavedAsJpegIsRecognisedInTheMessage() {
        byte[] html = "<!DOCTYPE html><html>Forbidden</html>".getBytes(StandardCharsets.US_ASCII);
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> ImageDecoder.decode(html, "val/ILSVRC2012_val_00000001.JPEG"));
        assertEquals("val/ILSVRC2012_val_00000001.JPEG: not a JPEG, PNG or BMP image (first bytes"
                + " 3c 21 44 4f 43 54 59 50: looks like an HTML page)", e.getMessage());
    }

    @Test
    void truncatedHeaderIsUnreadableNotACrash() throws Exception {
        byte[] jpeg = Files.readAllBytes(Goldens.image("ycbcr420_93x67.jpg"));
        byte[] head = java.util.Arrays.copyOf(jpeg, 40);
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> ImageDecoder.decode(head, "cut.jpg"));
        assertTrue(e.getMessage().startsWith("cut.jpg: "), e.getMessage());
    }

    @Test
    void decodesFromBytesLikeFromTheFile() throws Exception {
        Path file = Goldens.image("png_named.JPEG");
        BgrImage fromFile = ImageDecoder.read(file);
        BgrImage fromBytes = ImageDecoder.decode(Files.readAllBytes(file), "entry");
        assertEquals(fromFile, fromBytes);
    }

    @Test
    void concurrentDecodingGivesTheSameImagesAsSequential() throws Exception {
        List<Path> files = List.of(Goldens.image("ycbcr420_93x67.jpg"), Goldens.image("ycck_93x67.jpg"),
                Goldens.image("rgb16_64x48.png"), Goldens.image("exif_orientation_7.jpg"),
                Goldens.image("bmp_palette_64x48.bmp"), Goldens.image("progressive_93x67.jpg"));
        List<BgrImage> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(ImageDecoder.read(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BgrImage>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (Path f : files) {
                    results.add(pool.submit(() -> ImageDecoder.read(f)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % files.size()).data(), results.get(i).get().data());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
