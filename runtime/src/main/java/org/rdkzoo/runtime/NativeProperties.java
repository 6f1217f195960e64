package org.rdkzoo.runtime;

import java.util.Arrays;

import org.rdkzoo.runtime.tensor.DataType;
import org.rdkzoo.runtime.tensor.QuantiType;
import org.rdkzoo.runtime.tensor.Quantization;
import org.rdkzoo.runtime.tensor.Shape;
import org.rdkzoo.runtime.tensor.TensorLayout;
import org.rdkzoo.runtime.tensor.TensorProperties;

import com.sun.jna.Pointer;

/** Converts a {@code hbDNNTensorProperties} that libdnn filled into a {@link TensorProperties} value. */
final class NativeProperties {
    private NativeProperties() {
    }

    /**
     * The value of {@code raw}, copying the scale, zero-point and shift arrays out of libdnn's memory.
     *
     * @param what names the tensor in error messages, e.g. {@code output 0 'logits' of model 'efficientnet'}
     * @throws BpuRuntimeException if libdnn reported something rdkzoo cannot represent
     */
    static TensorProperties read(HbDnnStructs.HbDnnTensorProperties raw, String what) {
        try {
            Shape valid = shape(raw.validShape, "validShape");
            Shape aligned = shape(raw.alignedShape, "alignedShape");
            QuantiType quantiType = QuantiType.fromCode(raw.quantiType);
            Quantization quantization = switch (quantiType) {
                case NONE -> Quantization.none();
                case SCALE -> Quantization.scale(raw.quantizeAxis,
                        floats(raw.scale.scaleData, raw.scale.scaleLen, "scaleData"),
                        signedBytes(raw.scale.zeroPointData, raw.scale.zeroPointLen, "zeroPointData"));
                case SHIFT -> Quantization.shift(raw.quantizeAxis,
                        unsignedBytes(raw.shift.shiftData, raw.shift.shiftLen, "shiftData"));
            };
            return new TensorProperties(valid, aligned, TensorLayout.fromCode(raw.tensorLayout),
                    DataType.fromCode(raw.tensorType), quantization, raw.alignedByteSize,
                    Arrays.copyOf(raw.stride, valid.rank()));
        } catch (IllegalArgumentException e) {
            throw new BpuRuntimeException("libdnn describes " + what + " in a way rdkzoo cannot use: " + e.getMessage(), e);
        }
    }

    private static Shape shape(HbDnnStructs.HbDnnTensorShape s, String field) {
        if (s.numDimensions < 1 || s.numDimensions > Shape.MAX_DIMENSIONS) {
            throw new IllegalArgumentException(field + ".numDimensions is " + s.numDimensions + " (expected 1.."
                    + Shape.MAX_DIMENSIONS + ")");
        }
        return Shape.of(Arrays.copyOf(s.dimensionSize, s.numDimensions));
    }

    private static float[] floats(Pointer p, int length, String field) {
        return length == 0 ? new float[0] : nonNull(p, length, field).getFloatArray(0, length);
    }

    private static int[] signedBytes(Pointer p, int length, String field) {
        int[] values = new int[length];
        if (length > 0) {
            byte[] bytes = nonNull(p, length, field).getByteArray(0, length);
            for (int i = 0; i < length; i++) {
                values[i] = bytes[i];
            }
        }
        return values;
    }

    private static int[] unsignedBytes(Pointer p, int length, String field) {
        int[] values = new int[length];
        if (length > 0) {
            byte[] bytes = nonNull(p, length, field).getByteArray(0, length);
            for (int i = 0; i < length; i++) {
                values[i] = bytes[i] & 0xFF;
            }
        }
        return values;
    }

    private static Pointer nonNull(Pointer p, int length, String field) {
        if (length < 0 || p == null) {
            throw new IllegalArgumentException(field + " is " + (p == null ? "NULL" : "present") + " with length "
                    + length);
        }
        return p;
    }
}
