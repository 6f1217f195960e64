package org.rdkzoo.runtime.tensor;

import java.nio.ByteBuffer;

/** Reads and writes one element of any byte-addressable {@link DataType} at a byte offset (the buffer's byte order). */
final class Elements {
    private Elements() {
    }

    static double read(ByteBuffer b, int offset, DataType type) {
        return switch (type) {
            case S8 -> b.get(offset);
            case Y, NV12, NV12_SEPARATE, YUV444, RGB, BGR, U8 -> b.get(offset) & 0xFF;
            case S16 -> b.getShort(offset);
            case U16 -> b.getShort(offset) & 0xFFFF;
            case F16 -> halfToFloat(b.getShort(offset));
            case S32 -> b.getInt(offset);
            case U32 -> Integer.toUnsignedLong(b.getInt(offset));
            case F32 -> b.getFloat(offset);
            case S64 -> b.getLong(offset);
            case U64 -> unsignedToDouble(b.getLong(offset));
            case F64 -> b.getDouble(offset);
            case S4, U4 -> throw new IllegalArgumentException("packed 4-bit " + type + " elements are not supported");
        };
    }

    /** Writes {@code v}: rounded half-to-even and clipped to the range of integer types, converted for floats. */
    static void write(ByteBuffer b, int offset, DataType type, double v) {
        switch (type) {
            case S8 -> b.put(offset, (byte) clip(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case Y, NV12, NV12_SEPARATE, YUV444, RGB, BGR, U8 -> b.put(offset, (byte) clip(v, 0, 255));
            case S16 -> b.putShort(offset, (short) clip(v, Short.MIN_VALUE, Short.MAX_VALUE));
            case U16 -> b.putShort(offset, (short) clip(v, 0, 0xFFFF));
            case F16 -> b.putShort(offset, floatToHalf((float) v));
            case S32 -> b.putInt(offset, (int) clip(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case U32 -> b.putInt(offset, (int) clip(v, 0, 0xFFFF_FFFFL));
            case F32 -> b.putFloat(offset, (float) v);
            case S64 -> b.putLong(offset, Math.round(Math.rint(v)));
            case U64 -> b.putLong(offset, (long) clip(v, 0, Long.MAX_VALUE));
            case F64 -> b.putDouble(offset, v);
            case S4, U4 -> throw new IllegalArgumentException("packed 4-bit " + type + " elements are not supported");
        }
    }

    /** {@code nearbyint} with the default rounding (half to even), then clipped: the documented input quantizer. */
    private static long clip(double v, long min, long max) {
        double r = Math.rint(v);
        return r <= min ? min : r >= max ? max : (long) r;
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1L);
    }

    /** IEEE 754 half to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            float magnitude = mant * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** Float to IEEE 754 half, rounding to nearest even; overflow gives infinity. */
    static short floatToHalf(float f) {
        int x = Float.floatToRawIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int exp = (x >>> 23) & 0xFF;
        int mant = x & 0x7F_FFFF;
        if (exp == 0xFF) {
            return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 31) {
            return (short) (sign | 0x7C00);
        }
        int shift;
        int half;
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            mant |= 0x80_0000;
            shift = 14 - e;
            half = mant >>> shift;
        } else {
            shift = 13;
            half = (e << 10) | (mant >>> 13);
        }
        int rest = mant & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }
}
