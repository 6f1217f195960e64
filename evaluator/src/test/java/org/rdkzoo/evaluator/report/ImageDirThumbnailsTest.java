package org.rdkzoo.evaluator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDirThumbnailsTest {
    @TempDir
    Path dir;

    /** A 400x300 JPEG, left half red, right half blue. */
    static void writeJpeg(Path file) throws IOException {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 200, 300);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 200, 300);
        g.dispose();
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "jpeg", file.toFile()));
    }

    private static BufferedImage decode(String uri) throws IOException {
        assertTrue(uri.startsWith("data:image/jpeg;base64,"), uri.substring(0, Math.min(40, uri.length())));
        byte[] bytes = Base64.getDecoder().decode(uri.substring("data:image/jpeg;base64,".length()));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void scalesAnImageUnderTheRootToASmallJpegDataUri() throws IOException {
        writeJpeg(dir.resolve("n01440764/a.JPEG"));
        Optional<String> uri = new ImageDirThumbnails(dir, 160).dataUri("n01440764/a.JPEG");
        BufferedImage thumb = decode(uri.orElseThrow());
        assertEquals(160, thumb.getWidth());
        assertEquals(120, thumb.getHeight());
        Color left = new Color(thumb.getRGB(20, 60));
        Color right = new Color(thumb.getRGB(140, 60));
        assertTrue(left.getRed() > 200 && left.getBlue() < 60, left.toString());
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, right.toString());
    }

    @Test
    void idsOutsideTheRootMissingFilesAndNonImagesGetNoThumbnail() throws IOException {
        Path root = dir.resolve("root");
        writeJpeg(dir.resolve("outside.JPEG"));
        Files.createDirectories(root);
        Files.writeString(root.resolve("notes.txt"), "not an image");
        Files.createSymbolicLink(root.resolve("link.JPEG"), dir.resolve("outside.JPEG"));
        ImageDirThumbnails t = new ImageDirThumbnails(root, 64);
        assertEquals(Optional.empty(), t.dataUri("../outside.JPEG"));
        assertEquals(Optional.empty(), t.dataUri(dir.resolve("outside.JPEG").toString()));
        assertEquals(Optional.empty(), t.dataUri("link.JPEG"));
        assertEquals(Optional.empty(), t.dataUri("missing.JPEG"));
        assertEquals(Optional.empty(), t.dataUri("notes.txt"));
        assertEquals(Optional.empty(), t.dataUri(""));
        assertEquals(Optional.empty(), t.dataUri("."));
    }

    @Test
    void realImageNetJpegBecomesAThumbnail() throws IOException {
        Path assets = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"));
        Path images = assets.resolve("images/imagenet-sample-images");
        Assumptions.assumeTrue(Files.isDirectory(images), images + " not found: skipping the real-JPEG thumbnail test");
        BufferedImage thumb = decode(new ImageDirThumbnails(images, 96).dataUri("n01440764_tench.JPEG").orElseThrow());
        assertEquals(96, Math.max(thumb.getWidth(), thumb.getHeight()));
    }
}
