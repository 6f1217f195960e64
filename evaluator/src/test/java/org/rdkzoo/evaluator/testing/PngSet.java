package org.rdkzoo.evaluator.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A class-folder dataset of small real PNGs ({@code n0000000k/NAME.png}), each a seeded field of random
 * colours around its own base colour, so that images differ in their means (and in what the libdnn stand-in's
 * scores compute makes of them). For tests that go through the real decoder and preprocessing.
 */
public final class PngSet {
    private final Path root;
    private final List<Path> files = new ArrayList<>();

    public PngSet(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The images written so far, in the order added. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Adds a {@code width x height} image of class {@code label}, its pixels drawn from {@code seed}. */
    public PngSet add(String name, int label, int width, int height, long seed) {
        Random random = new Random(seed);
        int base = random.nextInt(0x1000000);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int jitter = random.nextInt(0x202020);
                image.setRGB(x, y, (base & 0xdfdfdf) + jitter);
            }
        }
        try {
            Path dir = Files.createDirectories(root.resolve(SyntheticSet.wnid(label)));
            Path file = dir.resolve(name);
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code count} images of sizes around 40x30 spread over {@code classes} classes, seeded by their index. */
    public static PngSet of(Path root, int count, int classes) {
        PngSet set = new PngSet(root);
        for (int i = 0; i < count; i++) {
            set.add("img" + i + ".png", i % classes, 30 + 3 * (i % 5), 24 + 2 * (i % 7), 1000L + i);
        }
        return set;
    }

    /** A synset-format label map of {@code classes} classes ({@code n00000000 class0}, ...). */
    public static Path labelMap(Path file, int classes) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            s.append(SyntheticSet.wnid(c)).append(" class").append(c).append('\n');
        }
        try {
            return Files.writeString(file, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
