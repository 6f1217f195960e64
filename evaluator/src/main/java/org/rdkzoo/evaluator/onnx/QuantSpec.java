package org.rdkzoo.evaluator.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to quantize one tensor with a QuantizeLinear/DequantizeLinear pair: the integer type, and per
 * tensor (one scale) or per channel (one scale per index of {@code axis}). ONNX's formula:
 * {@code q = saturate(round_half_even(x / scale) + zero_point)}, {@code x' = (q - zero_point) * scale}.
 *
 * @param type       INT8, UINT8, INT16 or UINT16
 * @param scales     positive finite scales: one, or one per channel
 * @param zeroPoints zero points in the type's range, as many as scales
 * @param axis       the channel axis for per-channel quantization, {@code null} for per-tensor
 */
public record QuantSpec(DataType type, float[] scales, long[] zeroPoints, Integer axis) {

    public QuantSpec {
        Objects.requireNonNull(type, "type");
        if (type != DataType.INT8 && type != DataType.UINT8 && type != DataType.INT16 && type != DataType.UINT16) {
            throw new IllegalArgumentException("quantized type must be INT8, UINT8, INT16 or UINT16, not " + type);
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
        if (scales.length == 0 || scales.length != zeroPoints.length) {
            throw new IllegalArgumentException(scales.length + " scales and " + zeroPoints.length + " zero points");
        }
        if (axis == null && scales.length != 1) {
            throw new IllegalArgumentException("per-tensor quantization takes one scale, got " + scales.length);
        }
        for (float s : scales) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("scale must be positive and finite, got " + s);
            }
        }
        for (long z : zeroPoints) {
            if (z < min(type) || z > max(type)) {
                throw new IllegalArgumentException("zero point " + z + " outside " + type + " [" + min(type) + ", " + max(type) + "]");
            }
        }
    }

    public static QuantSpec perTensor(DataType type, float scale, long zeroPoint) {
        return new QuantSpec(type, new float[] {scale}, new long[] {zeroPoint}, null);
    }

    /** Per-channel with zero points of 0 (symmetric), as weights are usually quantized. */
    public static QuantSpec perChannel(DataType type, int axis, float[] scales) {
        return new QuantSpec(type, scales, new long[scales.length], axis);
    }

    public static QuantSpec perChannel(DataType type, int axis, float[] scales, long[] zeroPoints) {
        return new QuantSpec(type, scales, zeroPoints, axis);
    }

    public boolean perChannel() {
        return axis != null;
    }

    /** Bits of the quantized type: 8 or 16. */
    public int bits() {
        return type.bytes() * 8;
    }

    public static long min(DataType type) {
        return switch (type) {
            case INT8 -> -128;
            case INT16 -> -32768;
            default -> 0;
        };
    }

    public static long max(DataType type) {
        return switch (type) {
            case INT8 -> 127;
            case UINT8 -> 255;
            case INT16 -> 32767;
            case UINT16 -> 65535;
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public long[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantSpec q && type == q.type && Arrays.equals(scales, q.scales)
                && Arrays.equals(zeroPoints, q.zeroPoints) && Objects.equals(axis, q.axis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(scales), Arrays.hashCode(zeroPoints), axis);
    }

    @Override
    public String toString() {
        return "QuantSpec[" + type + (axis == null ? ", per-tensor scale " + scales[0] + " zp " + zeroPoints[0]
                : ", axis " + axis + ", " + scales.length + " channels") + "]";
    }
}
