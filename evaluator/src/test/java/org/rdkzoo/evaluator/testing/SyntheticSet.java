package org.rdkzoo.evaluator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.dataset.EncodedImage;
import org.rdkzoo.evaluator.eval.InputPreparer;
import org.rdkzoo.evaluator.image.UnreadableImageException;

/**
 * A dataset of class folders ({@code n0000000k/}) whose "images" are text: the class the {@link TinyOnnx} pattern
 * model will predict for them, or {@code bad} for an unreadable image. Its {@link #preparer} turns that text into
 * the pattern input, so pipeline tests control every prediction without a real decoder.
 */
public final class SyntheticSet {
    private final Path root;
    private final int classes;
    private final int elements;

    public SyntheticSet(Path root, int classes, int elements) {
        this.root = root;
        this.classes = classes;
        this.elements = elements;
    }

    public Path root() {
        return root;
    }

    public static String wnid(int c) {
        return String.format("n%08d", c);
    }

    /** Adds image {@code name} of class {@code label} that the model will classify as {@code predicted}. */
    public SyntheticSet add(String name, int label, int predicted) throws IOException {
        return write(name, label, Integer.toString(predicted));
    }

    public SyntheticSet addUnreadable(String name, int label) throws IOException {
        return write(name, label, "bad");
    }

    private SyntheticSet write(String name, int label, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(wnid(label)));
        Files.writeString(dir.resolve(name), content);
        return this;
    }

    /** A synset-format label map of the classes ({@code n00000000 class0}, ...). */
    public Path labelMap(Path file) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            s.append(wnid(c)).append(" class").append(c).append('\n');
        }
        return Files.writeString(file, s);
    }

    public InputPreparer preparer() {
        return preparer(new AtomicInteger());
    }

    /** For a uint8-input model: the pattern as bytes of value 100. */
    public InputPreparer uint8Preparer() {
        InputPreparer floats = preparer();
        return image -> {
            float[] x = floats.prepare(image).floats();
            byte[] b = new byte[x.length];
            for (int i = 0; i < x.length; i++) {
                b[i] = (byte) (x[i] * 100);
            }
            return ModelInput.bytes(image.entry().id(), org.rdkzoo.evaluator.backend.InputForm.UINT8, b);
        };
    }

    /** The preparer, counting its calls into {@code calls}. */
    public InputPreparer preparer(AtomicInteger calls) {
        return (EncodedImage image) -> {
            calls.incrementAndGet();
            String content = new String(image.read(), StandardCharsets.UTF_8).strip();
            if (content.equals("bad")) {
                throw new UnreadableImageException(image.entry().id(), "not an image");
            }
            return ModelInput.floats(image.entry().id(),
                    TinyOnnx.patternInput(elements, classes, Integer.parseInt(content), 1f));
        };
    }
}
