package org.rdkzoo.runtime.tensor;

import java.nio.ByteBuffer;

/**
 * Copies an input from its dense form (what callers hold) into the tensor's aligned memory (what libdnn
 * reads), row by row, leaving the padding of a wider {@code alignedShape} or {@code stride} untouched.
 *
 * <p>Dense forms: NV12 is {@code H*W} Y bytes then {@code H/2} rows of {@code W} interleaved UV bytes (the
 * zoo's layout; both NV12 and NV12_SEPARATE take it); Y is {@code H*W} bytes; every other type is its valid
 * elements in row-major order over {@code validShape}, in the element type, in the destination's byte order.
 * Pure Java: it writes any {@link ByteBuffer}. Immutable and thread-safe.
 */
public final class InputPacker {
    private final TensorProperties properties;
    private final DataType type;
    private final Rows rows;
    private final int[] planeSizes;
    private final int denseSize;

    private InputPacker(TensorProperties p) {
        this.properties = p;
        this.type = p.type();
        this.rows = type.isYuv420() ? null : Rows.of(p.validShape().dims(), p.byteStrides(),
                p.quantization().isPerAxis() ? p.quantization().axis() : -1);
        this.planeSizes = p.planeByteSizes();
        this.denseSize = p.denseByteSize();
    }

    /**
     * A packer for an input with these properties.
     *
     * @throws IllegalArgumentException for the packed 4-bit types, or a YUV 4:2:0 image with an odd height or width
     */
    public static InputPacker of(TensorProperties properties) {
        if (properties.type().byteSize() == 0) {
            throw new IllegalArgumentException("packed 4-bit " + properties.type() + " inputs are not supported");
        }
        if (properties.type().isYuv420() && properties.type() != DataType.Y
                && (properties.imageHeight() % 2 != 0 || properties.imageWidth() % 2 != 0)) {
            throw new IllegalArgumentException("an NV12 input needs an even height and width, not "
                    + properties.imageHeight() + "x" + properties.imageWidth());
        }
        return new InputPacker(properties);
    }

    /** The properties it packs by. */
    public TensorProperties properties() {
        return properties;
    }

    /** Bytes of the dense form {@link #pack} expects. */
    public int denseByteSize() {
        return denseSize;
    }

    /** Bytes each destination buffer needs (two for NV12_SEPARATE, one otherwise). */
    public int[] planeByteSizes() {
        return planeSizes.clone();
    }

    /**
     * Copies {@link #denseByteSize()} bytes of {@code dense}, from its position (left unchanged), into the planes.
     *
     * @throws IllegalArgumentException if {@code dense} has another number of bytes remaining, or the planes
     *                                  are too few or too small
     */
    public void pack(ByteBuffer dense, ByteBuffer... planes) {
        if (dense.remaining() != denseSize) {
            throw new IllegalArgumentException(type + " input " + properties.validShape() + " takes " + denseSize
                    + " bytes, got " + dense.remaining());
        }
        checkPlanes(planes);
        int src = dense.position();
        if (type.isYuv420()) {
            packYuv(dense, src, planes);
            return;
        }
        int size = type.byteSize();
        int inner = rows.rowLength();
        long innerStep = rows.rowStep();
        rows.forEach((offset, row, index) -> {
            int from = src + row * inner * size;
            if (innerStep == size) {
                planes[0].put(Math.toIntExact(offset), dense, from, inner * size);
            } else {
                for (int j = 0; j < inner; j++) {
                    planes[0].put(Math.toIntExact(offset + j * innerStep), dense, from + j * size, size);
                }
            }
        });
    }

    /** {@link #pack(ByteBuffer, ByteBuffer...)} from an array holding exactly the dense form. */
    public void pack(byte[] dense, ByteBuffer... planes) {
        pack(ByteBuffer.wrap(dense), planes);
    }

    /**
     * Writes real values into a feature-map (or RGB/BGR/YUV444) input, quantized as libdnn documents:
     * SCALE {@code clip(rint(x / scale[k] + zeroPoint[k]))}, SHIFT {@code clip(rint(x * 2^shift[k]))}, NONE
     * converted to the element type (integers rounded half to even and clipped).
     *
     * @throws IllegalArgumentException for Y/NV12 inputs (pass their bytes to {@link #pack}), or a wrong count
     */
    public void packValues(float[] values, ByteBuffer... planes) {
        if (type.isYuv420()) {
            throw new IllegalArgumentException(type + " inputs take bytes (pack), not values");
        }
        if (values.length != properties.elementCount()) {
            throw new IllegalArgumentException(type + " input " + properties.validShape() + " takes "
                    + properties.elementCount() + " values, got " + values.length);
        }
        checkPlanes(planes);
        Quantization q = properties.quantization();
        int last = rows.last();
        int axis = rows.axis();
        int inner = rows.rowLength();
        long innerStep = rows.rowStep();
        rows.forEach((offset, row, index) -> {
            for (int j = 0; j < inner; j++) {
                int k = axis < 0 ? 0 : axis == last ? j : index[axis];
                double x = values[row * inner + j];
                double stored = switch (q.type()) {
                    case NONE -> x;
                    case SCALE -> x / q.factor(k) + q.zeroPoint(k);
                    case SHIFT -> x / q.factor(k);
                };
                Elements.write(planes[0], Math.toIntExact(offset + j * innerStep), type, stored);
            }
        });
    }

    private void packYuv(ByteBuffer dense, int src, ByteBuffer[] planes) {
        int h = properties.imageHeight();
        int w = properties.imageWidth();
        int alignedH = properties.alignedImageHeight();
        int alignedW = properties.alignedImageWidth();
        copyRows(dense, src, planes[0], 0, h, w, alignedW);
        if (type == DataType.Y) {
            return;
        }
        ByteBuffer uv = type == DataType.NV12_SEPARATE ? planes[1] : planes[0];
        int uvBase = type == DataType.NV12_SEPARATE ? 0 : alignedH * alignedW;
        copyRows(dense, src + h * w, uv, uvBase, h / 2, w, alignedW);
    }

    /** Copies {@code rows} rows of {@code width} bytes to rows {@code alignedWidth} apart: in one go when unpadded. */
    private static void copyRows(ByteBuffer src, int from, ByteBuffer dst, int to, int rows, int width, int alignedWidth) {
        if (width == alignedWidth) {
            dst.put(to, src, from, rows * width);
            return;
        }
        for (int r = 0; r < rows; r++) {
            dst.put(to + r * alignedWidth, src, from + r * width, width);
        }
    }

    private void checkPlanes(ByteBuffer[] planes) {
        if (planes.length < planeSizes.length) {
            throw new IllegalArgumentException(type + " input needs " + planeSizes.length + " buffers, got " + planes.length);
        }
        for (int i = 0; i < planeSizes.length; i++) {
            if (planes[i].capacity() < planeSizes[i]) {
                throw new IllegalArgumentException(type + " input buffer " + i + " holds " + planes[i].capacity()
                        + " bytes, needs " + planeSizes[i]);
            }
        }
    }
}
