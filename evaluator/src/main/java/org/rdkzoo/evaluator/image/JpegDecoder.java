package org.rdkzoo.evaluator.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * JPEG to BGR as {@code cv2.imread} does it with libjpeg-turbo.
 *
 * <p>Entropy decoding, IDCT (ISLOW) and fancy upsampling are done by the JDK's libjpeg (6b in most JDKs,
 * the system's libjpeg-turbo in Debian's), which computes these stages with the same integer arithmetic
 * as libjpeg-turbo, so the samples agree bit for bit (proven by the golden tests). Java's colour
 * management never touches the pixels:
 * <ul>
 *   <li>a YCbCr file (nearly every photo) is converted by libjpeg itself, written in B, G, R order by the
 *       JDK's native glue straight into the image's array;</li>
 *   <li>anything else is read as a raw raster (through TwelveMonkeys, which also repairs streams the JDK
 *       refuses) and converted here: the colour space is inferred from the markers as libjpeg does, then
 *       YCbCr, CMYK and YCCK are converted with libjpeg's and OpenCV's integer formulas. 4:4:0 files take
 *       this path so that a JDK with IJG libjpeg 6b, which repeats their chroma rows, still gets
 *       libjpeg-turbo's filtered chroma ({@link JpegColor#fancyChromaRowsIfRepeated}).</li>
 * </ul>
 * The EXIF orientation is applied last.
 */
final class JpegDecoder {
    /** ImageIO readers are not thread-safe but are costly to create: one set per thread, reused. */
    private static final ThreadLocal<Readers> READERS = ThreadLocal.withInitial(Readers::new);

    private static final int[] BGR_FROM_RGB = {2, 1, 0};

    private static final ComponentColorModel RGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private JpegDecoder() {
    }

    static BgrImage decode(byte[] bytes, String name) throws UnreadableImageException {
        JpegHeader header = JpegHeader.parse(bytes);
        if (header.sofMarker() == 0) {
            throw new UnreadableImageException(name, "JPEG without a frame header (SOF): truncated or not a JPEG");
        }
        if (header.precision() != 8) {
            throw new UnreadableImageException(name, header.precision()
                    + "-bit JPEG: cv2.imread reads only 8-bit JPEGs");
        }
        if (header.isLossless()) {
            throw new UnreadableImageException(name, "lossless JPEG (SOF 0x" + Integer.toHexString(header.sofMarker())
                    + "): cv2.imread (libjpeg-turbo 2.1) cannot read it either");
        }
        if (header.isArithmetic()) {
            throw new UnreadableImageException(name, "arithmetic-coded JPEG (SOF 0x"
                    + Integer.toHexString(header.sofMarker()) + ") is not supported");
        }
        JpegHeader.ColorSpace space = header.colorSpace();
        if (space == JpegHeader.ColorSpace.UNKNOWN) {
            throw new UnreadableImageException(name, "JPEG with " + header.componentIds().length
                    + " components: cv2.imread reads 1, 3 or 4");
        }
        Readers readers = READERS.get();
        byte[] stream = header.withoutIccProfile(bytes);
        BgrImage image = header.isYcbcrToBothDecoders() ? readBgr(readers, stream, name)
                : convert(readRaw(readers, stream, name), space, header, name);
        if (header.app1Offset() >= 0 && header.app1Length() > 6) {
            // OpenCV reads the first APP1 segment, whatever it holds, from byte 6 ("Exif\0\0").
            int orientation = ExifOrientation.parse(bytes, header.app1Offset() + 6, header.app1Length() - 6);
            image = ExifOrientation.apply(image, orientation);
        }
        return image;
    }

    /**
     * libjpeg converts YCbCr to RGB and its JNI glue writes the bands in B, G, R order straight into the
     * array the image keeps. Asking for source bands makes the JDK accept libjpeg's conversion as it is
     * (no ICC profile or other Java colour step is applied), and the destination's band layout matches
     * the glue's rows, so Java copies them whole.
     */
    private static BgrImage readBgr(Readers readers, byte[] bytes, String name) throws UnreadableImageException {
        ImageReader reader = readers.jdk;
        try {
            reader.setInput(new ByteArrayImageStream(bytes), true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            byte[] bgr = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
            WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(bgr, bgr.length), w, h, w * 3, 3,
                    new int[] {0, 1, 2}, null);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceBands(BGR_FROM_RGB);
            param.setDestination(new BufferedImage(RGB, raster, false, null));
            reader.read(0, param);
            return new BgrImage(w, h, bgr);
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, e);
        } finally {
            reader.setInput(null);
        }
    }

    private static Raster readRaw(Readers readers, byte[] bytes, String name) throws UnreadableImageException {
        ImageReader reader = readers.raw;
        try {
            reader.setInput(new ByteArrayImageStream(bytes), true, true);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, e);
        } finally {
            reader.setInput(null);
        }
    }

    /**
     * The JDK's libjpeg and TwelveMonkeys report corrupt data with IIOException and, for some malformed
     * streams, runtime exceptions; both mean "unreadable" here.
     */
    private static UnreadableImageException corrupt(String name, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UnreadableImageException(name, "corrupt JPEG: " + why, e);
    }

    private static BgrImage convert(Raster raster, JpegHeader.ColorSpace space, JpegHeader header, String name)
            throws UnreadableImageException {
        int components = header.componentIds().length;
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        if (bands != components) {
            throw new UnreadableImageException(name, "decoder returned " + bands + " bands for a JPEG with "
                    + components + " components");
        }
        byte[] src;
        int offset;
        int rowStride;
        if (raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && isPacked(model, bands) && buffer.getNumBanks() == 1) {
            // Read the decoder's own buffer in place: no copy, no per-pixel Raster calls.
            src = buffer.getData();
            rowStride = model.getScanlineStride();
            offset = buffer.getOffset() + model.getOffset(raster.getMinX() - raster.getSampleModelTranslateX(),
                    raster.getMinY() - raster.getSampleModelTranslateY());
        } else if (raster.getDataBuffer().getDataType() == DataBuffer.TYPE_BYTE) {
            src = packed(raster);
            rowStride = w * bands;
            offset = 0;
        } else {
            throw new UnreadableImageException(name, "unsupported JPEG sample type "
                    + raster.getDataBuffer().getDataType());
        }
        if (space == JpegHeader.ColorSpace.YCBCR && header.isChromaHalfHeight()) {
            // The raster is ours (a new one per read), so its chroma may be rewritten in place.
            JpegColor.fancyChromaRowsIfRepeated(src, offset, rowStride, w, h);
        }
        byte[] bgr = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
        for (int y = 0; y < h; y++) {
            int s = offset + y * rowStride;
            int d = y * w * 3;
            switch (space) {
                case YCBCR -> JpegColor.ycbcrToBgr(src, s, bgr, d, w);
                case RGB -> JpegColor.rgbToBgr(src, s, bgr, d, w);
                case GRAYSCALE -> JpegColor.grayToBgr(src, s, bgr, d, w);
                case CMYK -> JpegColor.cmykToBgr(src, s, bgr, d, w);
                case YCCK -> JpegColor.ycckToBgr(src, s, bgr, d, w);
                default -> throw new IllegalStateException(space.toString());
            }
        }
        return new BgrImage(w, h, bgr);
    }

    /** Interleaved bands in order, pixels packed without gaps. */
    private static boolean isPacked(ComponentSampleModel model, int bands) {
        int[] offsets = model.getBandOffsets();
        int[] banks = model.getBankIndices();
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b || banks[b] != 0) {
                return false;
            }
        }
        return model.getPixelStride() == bands;
    }

    /** Any byte raster copied into packed, interleaved samples (the slow path; decoders rarely need it). */
    private static byte[] packed(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] out = new byte[w * h * bands];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int i = 0; i < row.length; i++) {
                out[y * row.length + i] = (byte) row[i];
            }
        }
        return out;
    }

    /** A thread's readers. */
    private static final class Readers {
        /** The JDK's own reader: its read() lets libjpeg convert YCbCr to RGB and reorder the bands. */
        final ImageReader jdk = reader("com.sun.imageio.");
        /** TwelveMonkeys' reader (the JDK's when absent): raw rasters, with stream repairs. */
        final ImageReader raw = reader("com.twelvemonkeys.");
        private static ImageReader reader(String preferredPackage) {
            ImageReader fallback = null;
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (reader.getClass().getName().startsWith(preferredPackage)) {
                    return reader;
                }
                if (fallback == null) {
                    fallback = reader;
                }
            }
            if (fallback == null) {
                throw new IllegalStateException("no ImageIO JPEG reader is available");
            }
            return fallback;
        }
    }
}
