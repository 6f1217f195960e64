package org.rdkzoo.runtime.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * What libdnn says about one input or output ({@code hbDNNTensorProperties}), as a Java value.
 *
 * <p>Memory holds the tensor in its <em>aligned</em> geometry: rows may be padded past the valid data.
 * For the YUV 4:2:0 image types (Y, NV12, NV12_SEPARATE) the layout is planar: a Y plane of
 * {@code alignedH} rows of {@code alignedW} bytes, then (NV12) {@code alignedH/2} rows of {@code alignedW}
 * interleaved UV bytes, in the same buffer or (NV12_SEPARATE) a second one. For every other type, element
 * {@code (i0, i1, ...)} lives at byte {@code sum(ik * stride[k])}, where {@link #byteStrides()} is the
 * {@code stride} field when libdnn sets it and dense row-major over {@code alignedShape} when it is all zeros.
 *
 * @param validShape      the shape of the data ({@code validShape})
 * @param alignedShape    the shape of the memory ({@code alignedShape}), each dimension at least the valid one
 * @param layout          NCHW, NHWC or NONE
 * @param type            the element type
 * @param quantization    how stored values map to real values
 * @param alignedByteSize bytes of memory the tensor needs ({@code alignedByteSize}; 0 if libdnn left it unset)
 * @param stride          byte step of each dimension ({@code stride}, {@code validShape.rank()} entries; zeros when unset)
 */
public record TensorProperties(Shape validShape, Shape alignedShape, TensorLayout layout, DataType type,
        Quantization quantization, int alignedByteSize, int[] stride) {

    public TensorProperties {
        Objects.requireNonNull(validShape, "validShape");
        Objects.requireNonNull(alignedShape, "alignedShape");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantization, "quantization");
        stride = stride == null ? new int[validShape.rank()] : stride.clone();
        if (alignedShape.rank() != validShape.rank()) {
            throw new IllegalArgumentException("validShape " + validShape + " and alignedShape " + alignedShape
                    + " differ in rank");
        }
        for (int d = 0; d < validShape.rank(); d++) {
            if (alignedShape.dim(d) < validShape.dim(d)) {
                throw new IllegalArgumentException("alignedShape " + alignedShape + " is smaller than validShape "
                        + validShape + " in dimension " + d);
            }
        }
        if (stride.length != validShape.rank()) {
            throw new IllegalArgumentException(stride.length + " strides for a shape of rank " + validShape.rank());
        }
        if (type.isImage() && validShape.rank() != 4) {
            throw new IllegalArgumentException(type + " tensor with shape " + validShape + " (expected 4 dimensions)");
        }
        if (quantization.isPerAxis() && (quantization.axis() < 0 || quantization.axis() >= validShape.rank()
                || validShape.dim(quantization.axis()) != quantization.length())) {
            throw new IllegalArgumentException(quantization.length() + " per-axis entries on axis "
                    + quantization.axis() + " of shape " + validShape + " (expected one per element of that axis)");
        }
    }

    /** Properties of a dense tensor (aligned = valid, dense strides, no quantization), e.g. for tests. */
    public static TensorProperties dense(Shape shape, TensorLayout layout, DataType type) {
        TensorProperties p = new TensorProperties(shape, shape, layout, type, Quantization.none(), 0, null);
        if (type.isImage()) {
            return p; // libdnn leaves stride unset for image inputs
        }
        long[] steps = p.byteStrides();
        int[] stride = new int[steps.length];
        for (int d = 0; d < steps.length; d++) {
            stride[d] = Math.toIntExact(steps[d]);
        }
        return p.withStride(stride);
    }

    /** These properties with another stride. */
    public TensorProperties withStride(int[] newStride) {
        return new TensorProperties(validShape, alignedShape, layout, type, quantization, alignedByteSize, newStride);
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    /** Valid height of an image tensor (dimension 2 for NCHW, 1 for NHWC). */
    public int imageHeight() {
        return validShape.dim(layout == TensorLayout.NHWC ? 1 : 2);
    }

    /** Valid width of an image tensor (dimension 3 for NCHW, 2 for NHWC). */
    public int imageWidth() {
        return validShape.dim(layout == TensorLayout.NHWC ? 2 : 3);
    }

    /** Aligned height of an image tensor. */
    public int alignedImageHeight() {
        return alignedShape.dim(layout == TensorLayout.NHWC ? 1 : 2);
    }

    /** Aligned width of an image tensor: the byte step between rows of a Y or UV plane. */
    public int alignedImageWidth() {
        return alignedShape.dim(layout == TensorLayout.NHWC ? 2 : 3);
    }

    /** Number of valid elements. */
    public long elementCount() {
        return validShape.elementCount();
    }

    /**
     * Byte step of each dimension: {@link #stride()} when any entry is set, else dense row-major over the
     * aligned shape. Not meaningful for the planar YUV 4:2:0 types.
     */
    public long[] byteStrides() {
        long[] steps = new long[validShape.rank()];
        boolean set = false;
        for (int s : stride) {
            set |= s != 0;
        }
        if (set) {
            for (int d = 0; d < steps.length; d++) {
                steps[d] = stride[d];
            }
            return steps;
        }
        long step = type.byteSize();
        for (int d = steps.length - 1; d >= 0; d--) {
            steps[d] = step;
            step *= alignedShape.dim(d);
        }
        return steps;
    }

    /** Bytes of valid data in the dense form callers supply: H*W*3/2 for NV12, H*W for Y, else elements x size. */
    public int denseByteSize() {
        if (type.isYuv420()) {
            long h = imageHeight();
            long w = imageWidth();
            return Math.toIntExact(type == DataType.Y ? h * w : h * w + h / 2 * w);
        }
        return Math.toIntExact(elementCount() * type.byteSize());
    }

    /**
     * Bytes of memory each buffer ({@code sysMem[i]}) of this tensor needs: two planes for NV12_SEPARATE,
     * one otherwise; never less than {@code alignedByteSize} for a single buffer.
     */
    public int[] planeByteSizes() {
        if (type.isYuv420()) {
            long h = alignedImageHeight();
            long w = alignedImageWidth();
            if (type == DataType.NV12_SEPARATE) {
                return new int[] {Math.toIntExact(h * w), Math.toIntExact(h / 2 * w)};
            }
            long bytes = type == DataType.Y ? h * w : h * w + h / 2 * w;
            return new int[] {Math.toIntExact(Math.max(bytes, alignedByteSize))};
        }
        long[] steps = byteStrides();
        long end = type.byteSize();
        for (int d = 0; d < steps.length; d++) {
            end += (validShape.dim(d) - 1L) * steps[d];
        }
        return new int[] {Math.toIntExact(Math.max(1, Math.max(end, alignedByteSize)))};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorProperties p && validShape.equals(p.validShape) && alignedShape.equals(p.alignedShape)
                && layout == p.layout && type == p.type && quantization.equals(p.quantization)
                && alignedByteSize == p.alignedByteSize && Arrays.equals(stride, p.stride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(validShape, alignedShape, layout, type, quantization, alignedByteSize,
                Arrays.hashCode(stride));
    }

    @Override
    public String toString() {
        return type + " " + layout + " valid " + validShape + " aligned " + alignedShape + " stride "
                + Arrays.toString(stride) + " bytes " + alignedByteSize + " quant " + quantization;
    }
}
