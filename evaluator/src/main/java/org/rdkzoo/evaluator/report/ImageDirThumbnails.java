package org.rdkzoo.evaluator.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Thumbnails read from the dataset root ({@code --images DIR}): the image with id {@code x} is
 * {@code DIR/x}. Each is scaled down with Java2D (bilinear; a thumbnail needs no bit-exact decoding)
 * and embedded as a small JPEG {@code data:} URI. Ids that would leave the root (absolute paths,
 * {@code ..}, symbolic links out of it) and files that cannot be read or decoded get no thumbnail:
 * a report never fails for want of a picture.
 */
public final class ImageDirThumbnails implements Thumbnails {
    private final Path root;
    private final int maxSide;

    /**
     * @param root    the dataset root the ids are relative to
     * @param maxSide the longest side of a thumbnail, in pixels
     */
    public ImageDirThumbnails(Path root, int maxSide) {
        if (maxSide < 8) {
            throw new IllegalArgumentException("thumbnail size must be at least 8 pixels, was " + maxSide);
        }
        this.root = root.toAbsolutePath().normalize();
        this.maxSide = maxSide;
    }

    @Override
    public Optional<String> dataUri(String imageId) {
        try {
            Optional<Path> file = resolve(imageId);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage image = ImageIO.read(file.get().toFile());
            if (image == null) {
                return Optional.empty();
            }
            byte[] jpeg = jpeg(scale(image));
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
        } catch (IOException | RuntimeException e) {
            // A damaged or exotic file: the report shows a placeholder with the id instead.
            return Optional.empty();
        }
    }

    /** The file of an id, when it stays inside the root (after resolving symbolic links) and is a readable file. */
    Optional<Path> resolve(String imageId) throws IOException {
        if (imageId.isEmpty() || imageId.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path file = root.resolve(imageId).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private BufferedImage scale(BufferedImage image) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        // RGB without alpha: what a JPEG holds.
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer available");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
