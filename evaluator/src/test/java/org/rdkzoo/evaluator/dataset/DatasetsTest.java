package org.rdkzoo.evaluator.dataset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.image.UnreadableImageException;
import org.rdkzoo.evaluator.testing.Assets;
import org.rdkzoo.evaluator.testing.Tars;

class DatasetsTest {
    @TempDir
    Path dir;

    private Path file(String id, String content) throws IOException {
        Path p = dir.resolve(id);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void classFoldersAreDetectedAndLabelledByFolder() throws IOException {
        file("n01440764/a.JPEG", "aa");
        file("n01443537/b.jpg", "bbb");
        file("n01443537/notes.txt", "not an image");
        Dataset d = Datasets.open(dir, null, null);
        assertEquals(DatasetLayout.CLASS_FOLDERS, d.layout());
        assertEquals(List.of(new ImageEntry("n01440764/a.JPEG", 2, "n01440764"),
                new ImageEntry("n01443537/b.jpg", 3, "n01443537")), d.manifest().entries());
    }

    @Test
    void aGroundTruthFileInTheFolderMakesItFlat() throws IOException {
        file("data/x.JPEG", "x");
        file("val.txt", "x.JPEG 7\n");
        Dataset d = Datasets.open(dir, null, null);
        assertEquals(DatasetLayout.FLAT_LABELS, d.layout());
        assertEquals(List.of(new ImageEntry("data/x.JPEG", 1, "7")), d.manifest().entries());
        assertEquals(dir.resolve("val.txt"), d.groundTruth().source());
    }

    @Test
    void wnidPrefixesLabelImagesWhenNothingElseDoes() throws IOException {
        file("n01440764_tench.JPEG", "t");
        file("n01443537.png", "g");
        Dataset d = Datasets.open(dir, null, null);
        assertEquals(DatasetLayout.WNID_PREFIX, d.layout());
        assertEquals(List.of("n01440764", "n01443537"), d.manifest().entries().stream().map(ImageEntry::label).toList());
    }

    @Test
    void unlabelledImagesAreRefusedWithTheWayOut() throws IOException {
        file("cat.jpg", "c");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.open(dir, null, null));
        assertTrue(e.getMessage().contains("cannot tell the labels of the 1 images"), e.getMessage());
        assertTrue(e.getMessage().endsWith("pass --ground-truth FILE"), e.getMessage());
    }

    @Test
    void aForcedLayoutThatDoesNotFitNamesTheOffendingImage() throws IOException {
        file("n01440764_tench.JPEG", "t");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Datasets.open(dir, DatasetLayout.CLASS_FOLDERS, null));
        assertTrue(e.getMessage().contains("but n01440764_tench.JPEG is not"), e.getMessage());
    }

    @Test
    void hiddenFilesAndFoldersAreNotImages() throws IOException {
        file("n01440764/a.JPEG", "a");
        file("n01440764/._a.JPEG", "mac resource fork");
        file(".thumbs/n01440764_x.png", "thumb");
        assertEquals(1, Datasets.open(dir, null, null).manifest().size());
    }

    @Test
    void folderImagesAreReadInTheOrderAsked() throws IOException {
        file("n01440764/a.JPEG", "aa");
        file("n01440764/b.JPEG", "bb");
        Dataset d = Datasets.open(dir, null, null);
        List<ImageEntry> reversed = new ArrayList<>(d.manifest().entries());
        java.util.Collections.reverse(reversed);
        List<String> read = new ArrayList<>();
        try (ImageStream s = d.open(reversed)) {
            for (EncodedImage i; (i = s.next()) != null;) {
                read.add(i.entry().id() + "=" + new String(i.read(), UTF_8));
            }
        }
        assertEquals(List.of("n01440764/b.JPEG=bb", "n01440764/a.JPEG=aa"), read);
    }

    @Test
    void aFileThatVanishedAfterTheManifestFailsThatImageOnly() throws IOException {
        Path a = file("n01440764/a.JPEG", "aa");
        Dataset d = Datasets.open(dir, null, null);
        Files.delete(a);
        try (ImageStream s = d.open(d.manifest().entries())) {
            EncodedImage i = s.next();
            UnreadableImageException e = assertThrows(UnreadableImageException.class, i::read);
            assertEquals("n01440764/a.JPEG", e.image());
            assertTrue(e.getMessage().contains("cannot read the file"), e.getMessage());
        }
    }

    @Test
    void aTarIsListedFromItsHeadersAndReadAsAStream() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("./ILSVRC2012_val_00000002.JPEG", "two".getBytes(UTF_8));
        entries.put("./ILSVRC2012_val_00000001.JPEG", "one".getBytes(UTF_8));
        entries.put("./README", "text".getBytes(UTF_8));
        Path tar = Tars.write(dir.resolve("ILSVRC2012_img_val.tar"), entries);
        Path gt = file("gt.txt", "ILSVRC2012_val_00000001.JPEG 65\nILSVRC2012_val_00000002.JPEG 970\n");
        Dataset d = Datasets.open(tar, null, gt);
        assertEquals("ILSVRC2012_img_val", d.id());
        assertEquals(DatasetLayout.TAR, d.layout());
        assertEquals(List.of(new ImageEntry("ILSVRC2012_val_00000001.JPEG", 3, "65"),
                new ImageEntry("ILSVRC2012_val_00000002.JPEG", 3, "970")), d.manifest().entries());
        List<String> read = new ArrayList<>();
        try (ImageStream s = d.open(d.manifest().entries())) {
            for (EncodedImage i; (i = s.next()) != null;) {
                read.add(i.entry().id() + "=" + new String(i.read(), UTF_8));
            }
        }
        // Archive order, not manifest order: a stream cannot go back.
        assertEquals(List.of("ILSVRC2012_val_00000002.JPEG=two", "ILSVRC2012_val_00000001.JPEG=one"), read);
    }

    @Test
    void aGzippedTarOfClassTarsIsLabelledByTheInnerTarNames() throws IOException {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("n01440764_10026.JPEG", new byte[] {1, 2, 3});
        Map<String, byte[]> inner2 = new LinkedHashMap<>();
        inner2.put("n01443537_1.JPEG", new byte[] {4});
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("n01440764.tar", Tars.tar(inner));
        outer.put("n01443537.tar", Tars.tar(inner2));
        Path tgz = Tars.write(dir.resolve("train.tar.gz"), outer);
        Dataset d = Datasets.open(tgz, null, null);
        assertEquals(List.of(new ImageEntry("n01440764.tar/n01440764_10026.JPEG", 3, "n01440764"),
                new ImageEntry("n01443537.tar/n01443537_1.JPEG", 1, "n01443537")), d.manifest().entries());
        try (ImageStream s = d.open(List.of(d.manifest().entries().get(1)))) {
            assertArrayEquals(new byte[] {4}, s.next().read());
            assertNull(s.next());
        }
    }

    @Test
    void anImageMissingFromTheArchiveComesLastAsAFailure() throws IOException {
        Path tar = Tars.write(dir.resolve("set.tar"), Map.of("n01440764/a.JPEG", new byte[] {1}));
        Dataset d = Datasets.open(tar, null, null);
        ImageEntry ghost = new ImageEntry("n01440764/ghost.JPEG", 1, "n01440764");
        try (ImageStream s = d.open(List.of(ghost, d.manifest().entries().get(0)))) {
            assertEquals("n01440764/a.JPEG", s.next().entry().id());
            assertEquals("not found in the archive", s.next().error());
            assertNull(s.next());
        }
    }

    @Test
    void aTruncatedArchiveIsAnErrorNamingIt() throws IOException {
        Path tar = Tars.write(dir.resolve("set.tar"), Map.of("n01440764/a.JPEG", new byte[5000]));
        Dataset d = Datasets.open(tar, null, null);
        byte[] bytes = Files.readAllBytes(tar);
        Files.write(tar, java.util.Arrays.copyOf(bytes, 512 + 1000));
        IOException e = assertThrows(IOException.class, () -> {
            try (ImageStream s = d.open(d.manifest().entries())) {
                s.next();
            }
        });
        assertTrue(e.getMessage().contains(tar.toString()), e.getMessage());
    }

    @Test
    void theManifestHashChangesWithALabelAndNotWithFileOrder() throws IOException {
        file("val.txt", "a.JPEG 1\nb.JPEG 2\n");
        file("a.JPEG", "a");
        file("b.JPEG", "b");
        String before = Datasets.open(dir, null, null).manifest().sha256();
        file("val.txt", "b.JPEG 2\na.JPEG 1\n");
        assertEquals(before, Datasets.open(dir, null, null).manifest().sha256());
        file("val.txt", "a.JPEG 1\nb.JPEG 3\n");
        assertNotEquals(before, Datasets.open(dir, null, null).manifest().sha256());
    }

    @Test
    void theSharedAssetFoldersOpenWithTheirOwnLabels() throws IOException {
        Dataset val = Datasets.open(Assets.images("ilsvrc2012-val-1300"), null, null);
        assertEquals(DatasetLayout.FLAT_LABELS, val.layout());
        assertEquals(1300, val.manifest().size());
        Dataset sample = Datasets.open(Assets.images("imagenet-sample-images"), null, null);
        assertEquals(1000, sample.manifest().size());
        // The 50,000-line official ground truth labels the val subset exactly as its own labels.csv does.
        Dataset official = Datasets.open(Assets.images("ilsvrc2012-val-1300"), null,
                Assets.labels("ILSVRC2012_val_ground_truth.txt"));
        assertEquals(1300, official.manifest().size());
        assertEquals(Files.size(Assets.images("ilsvrc2012-val-1300").resolve("data/ILSVRC2012_val_00000347.JPEG")),
                official.manifest().entries().get(0).size());
    }
}
