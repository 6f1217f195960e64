package org.rdkzoo.evaluator.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.InvalidInputException;

class GroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void valTxtLabelsImagesInSubFoldersByFileName() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "ILSVRC2012_val_00000001.JPEG 65\nILSVRC2012_val_00000002.JPEG 970\n");
        GroundTruth gt = GroundTruth.read(f);
        assertEquals(Map.of("data/ILSVRC2012_val_00000002.JPEG", "970"),
                gt.assign(List.of("data/ILSVRC2012_val_00000002.JPEG")));
    }

    @Test
    void commaSeparatedLinesWithDotSlashPathsMatchRelativePaths() throws IOException {
        Path f = Files.writeString(dir.resolve("dataset.txt"), "./data/a.JPEG, 472\n./data/b.JPEG, 260\n");
        assertEquals(Map.of("data/a.JPEG", "472", "data/b.JPEG", "260"),
                GroundTruth.read(f).assign(List.of("data/a.JPEG", "data/b.JPEG")));
    }

    @Test
    void csvWithQuotedNamesPrefersTheWnidColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("labels.csv"), "file,class_index,wnid,class_name\n"
                + "n01440764_tench.JPEG,0,n01440764,\"tench, Tinca tinca\"\n"
                + "b.JPEG,1,n01443537,\"goldfish, Carassius auratus\"\n");
        assertEquals(Map.of("n01440764_tench.JPEG", "n01440764", "b.JPEG", "n01443537"),
                GroundTruth.read(f).assign(List.of("n01440764_tench.JPEG", "b.JPEG")));
    }

    @Test
    void csvWithoutAClassColumnIsRefusedListingTheHeader() throws IOException {
        Path f = Files.writeString(dir.resolve("labels.csv"), "file,comment\na.JPEG,nice\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GroundTruth.read(f));
        assertTrue(e.getMessage().contains("found [file, comment]"), e.getMessage());
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "a.JPEG 1\nb.JPEG tench\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GroundTruth.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: expected 'image label'"), e.getMessage());
    }

    @Test
    void imagesWithoutALabelAreCountedAndNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "a.JPEG 1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GroundTruth.read(f).assign(List.of("a.JPEG", "b.JPEG", "c.JPEG")));
        assertTrue(e.getMessage().startsWith("2 of 3 images have no label in " + f + " (e.g. b.JPEG, c.JPEG)"),
                e.getMessage());
    }

    @Test
    void aFileNameSharedByTwoImagesCannotLabelThemByName() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "a.JPEG 1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GroundTruth.read(f).assign(List.of("x/a.JPEG", "y/a.JPEG")));
        assertTrue(e.getMessage().contains("2 images of the dataset have that name"), e.getMessage());
    }

    @Test
    void anImageLabelledTwiceDifferentlyIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("val.txt"), "a.JPEG 1\na.JPEG 2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GroundTruth.read(f));
        assertTrue(e.getMessage().contains("a.JPEG is labelled twice, 1 and 2"), e.getMessage());
    }
}
