package org.rdkzoo.evaluator.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * PNG and BMP to BGR as {@code cv2.imread} does: the samples as stored (no gamma, no colour profile),
 * palettes expanded, alpha dropped, grey replicated, 16-bit samples cut to their high byte (libpng's
 * {@code png_set_strip_16}, which OpenCV uses), 1/2/4-bit grey scaled to 0..255 as libpng expands it,
 * and for PNG the EXIF orientation of an {@code eXIf} chunk.
 */
final class LosslessDecoder {
    /** One reader per thread and format: ImageIO readers are not thread-safe. */
    private static final ThreadLocal<Map<ImageFormat, ImageReader>> READERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(ImageFormat.class));

    private LosslessDecoder() {
    }

    static BgrImage decode(byte[] bytes, ImageFormat format, String name) throws UnreadableImageException {
        BufferedImage image;
        ImageReader reader = READERS.get().computeIfAbsent(format, LosslessDecoder::newReader);
        try {
            reader.setInput(new ByteArrayImageStream(bytes), true, true);
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableImageException(name, "corrupt " + format + ": " + why, e);
        } finally {
            reader.setInput(null);
        }
        BgrImage bgr = toBgr(image, format, name);
        if (format == ImageFormat.PNG) {
            bgr = ExifOrientation.apply(bgr, pngOrientation(bytes));
        }
        return bgr;
    }

    private static BgrImage toBgr(BufferedImage image, ImageFormat format, String name)
            throws UnreadableImageException {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int[] bits = raster.getSampleModel().getSampleSize();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
        int[] row = new int[w * bands];
        int[] lut = null;
        if (model instanceof IndexColorModel palette) {
            lut = new int[palette.getMapSize()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = palette.getBlue(i) | palette.getGreen(i) << 8 | palette.getRed(i) << 16;
            }
        } else if (bands != 1 && bands != 2 && bands != 3 && bands != 4) {
            throw new UnreadableImageException(name, format + " with " + bands + " channels is not supported");
        }
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int d = y * w * 3;
            for (int x = 0; x < w; x++, d += 3) {
                int s = x * bands;
                if (lut != null) {
                    int bgr = lut[row[s]];
                    out[d] = (byte) bgr;
                    out[d + 1] = (byte) (bgr >> 8);
                    out[d + 2] = (byte) (bgr >> 16);
                } else if (bands <= 2) {
                    byte v = (byte) to8(row[s], bits[0], format);
                    out[d] = v;
                    out[d + 1] = v;
                    out[d + 2] = v;
                } else {
                    out[d] = (byte) to8(row[s + 2], bits[2], format);
                    out[d + 1] = (byte) to8(row[s + 1], bits[1], format);
                    out[d + 2] = (byte) to8(row[s], bits[0], format);
                }
            }
        }
        return new BgrImage(w, h, out);
    }

    /** One sample to 8 bits the way OpenCV's decoder for that format does. */
    private static int to8(int sample, int bits, ImageFormat format) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8); // libpng png_set_strip_16: the high byte, no rounding
        }
        if (format == ImageFormat.PNG) {
            return sample * 255 / ((1 << bits) - 1); // libpng expands 1/2/4-bit grey to the full range
        }
        return sample << (8 - bits); // OpenCV's BMP 555/565 conversion shifts, leaving the low bits zero
    }

    /**
     * The orientation of the first {@code eXIf} chunk libpng accepts (OpenCV 4.6 reads it after the
     * image, from the chunk before or after IDAT), or top-left when there is none.
     */
    static int pngOrientation(byte[] b) {
        int pos = 8;
        while (pos + 8 <= b.length) {
            long length = (b[pos] & 0xffL) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8
                    | (b[pos + 3] & 0xff);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length > b.length - data) {
                break;
            }
            if (type.equals("eXIf") && length >= 2) {
                int b0 = b[data];
                int b1 = b[data + 1];
                // libpng's check of the byte-order mark rejects the chunk only in this case.
                if (!(b1 != 'M' && b1 != 'I' && b0 != b1)) {
                    return ExifOrientation.parse(b, data, (int) length);
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            pos = data + (int) length + 4;
        }
        return ExifOrientation.TOP_LEFT;
    }

    private static ImageReader newReader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(
                format.name().toLowerCase(java.util.Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }
}
