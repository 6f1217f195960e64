package org.rdkzoo.evaluator.image;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * JPEG to BGR as {@code cv2.imread} does it with libjpeg-turbo.
 *
 * <p>The entropy decoding, IDCT (ISLOW) and fancy upsampling are the JDK's libjpeg 6b, through
 * TwelveMonkeys' reader (which repairs streams the JDK refuses, such as missing Huffman tables). Both
 * libraries compute these stages with the same integer arithmetic, so the samples agree bit for bit
 * (proven by the golden tests). The raster is read raw, without Java's colour conversion, and converted
 * here: the colour space is inferred from the markers as libjpeg does, then YCbCr, CMYK and YCCK are
 * converted with libjpeg's and OpenCV's integer formulas, and the EXIF orientation is applied.
 */
final class JpegDecoder {
    /** ImageIO readers are not thread-safe but are costly to create: one per thread, reused. */
    private static final ThreadLocal<ImageReader> READER = ThreadLocal.withInitial(JpegDecoder::newReader);

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
        Raster raster = readRaster(bytes, name);
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int expectedBands = header.componentIds().length;
        if (bands != expectedBands) {
            throw new UnreadableImageException(name, "decoder returned " + bands + " bands for a JPEG with "
                    + expectedBands + " components");
        }
        byte[] bgr = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
        convert(raster, space, bgr, name);
        BgrImage image = new BgrImage(w, h, bgr);
        if (header.app1Offset() >= 0 && header.app1Length() > 6) {
            // OpenCV reads the first APP1 segment, whatever it holds, from byte 6 ("Exif\0\0").
            int orientation = ExifOrientation.parse(bytes, header.app1Offset() + 6, header.app1Length() - 6);
            image = ExifOrientation.apply(image, orientation);
        }
        return image;
    }

    private static Raster readRaster(byte[] bytes, String name) throws UnreadableImageException {
        ImageReader reader = READER.get();
        try {
            reader.setInput(new ByteArrayImageInputStream(bytes), true, true);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            // The JDK's libjpeg and TwelveMonkeys report corrupt data with IIOException and, for some
            // malformed streams, runtime exceptions; both mean "unreadable" here.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableImageException(name, "corrupt JPEG: " + why, e);
        } finally {
            reader.setInput(null);
        }
    }

    private static void convert(Raster raster, JpegHeader.ColorSpace space, byte[] bgr, String name)
            throws UnreadableImageException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] src;
        int offset;
        int pixelStride;
        int rowStride;
        if (raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && isPlainInterleaved(model, bands) && buffer.getNumBanks() == 1) {
            // Read the decoder's own buffer in place: no copy, no per-pixel Raster calls.
            src = buffer.getData();
            pixelStride = model.getPixelStride();
            rowStride = model.getScanlineStride();
            offset = buffer.getOffset() + model.getOffset(raster.getMinX() - raster.getSampleModelTranslateX(),
                    raster.getMinY() - raster.getSampleModelTranslateY());
        } else if (raster.getDataBuffer().getDataType() == DataBuffer.TYPE_BYTE) {
            src = packed(raster);
            pixelStride = bands;
            rowStride = w * bands;
            offset = 0;
        } else {
            throw new UnreadableImageException(name, "unsupported JPEG sample type "
                    + raster.getDataBuffer().getDataType());
        }
        for (int y = 0; y < h; y++) {
            int s = offset + y * rowStride;
            int d = y * w * 3;
            switch (space) {
                case YCBCR -> JpegColor.ycbcrToBgr(src, s, pixelStride, bgr, d, w);
                case RGB -> JpegColor.rgbToBgr(src, s, pixelStride, bgr, d, w);
                case GRAYSCALE -> JpegColor.grayToBgr(src, s, pixelStride, bgr, d, w);
                case CMYK -> JpegColor.cmykToBgr(src, s, pixelStride, bgr, d, w);
                case YCCK -> JpegColor.ycckToBgr(src, s, pixelStride, bgr, d, w);
                default -> throw new IllegalStateException(space.toString());
            }
        }
    }

    private static boolean isPlainInterleaved(ComponentSampleModel model, int bands) {
        int[] offsets = model.getBandOffsets();
        int[] banks = model.getBankIndices();
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b || banks[b] != 0) {
                return false;
            }
        }
        return model.getPixelStride() >= bands;
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

    private static ImageReader newReader() {
        ImageReader fallback = null;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.twelvemonkeys.")) {
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
