package org.rdkzoo.runtime.tensor;

import java.nio.ByteBuffer;

/**
 * Turns an output tensor's memory into real values, as libdnn documents it: {@code NONE} the data are the
 * values; {@code SCALE} {@code (data - zeroPoint[k]) * scale[k]}; {@code SHIFT} {@code data / 2^shift[k]};
 * with one entry for the whole tensor or, per axis, entry {@code k} for the elements whose coordinate along
 * {@code quantizeAxis} is {@code k}. Elements are read through the tensor's byte strides, so padding in the
 * aligned shape is skipped. Pure Java: it reads any {@link ByteBuffer}, native or not.
 *
 * <p>Immutable and thread-safe; make one per output and reuse it.
 */
public final class Dequantizer {
    private final TensorProperties properties;
    private final DataType type;
    private final Rows rows;
    private final boolean bulkFloats;
    private final double[] factors;
    private final int[] zeroPoints;
    private final boolean identity;
    private final int count;

    private Dequantizer(TensorProperties p) {
        this.properties = p;
        this.type = p.type();
        Quantization q = p.quantization();
        int entries = Math.max(1, q.length());
        this.rows = Rows.of(p.validShape().dims(), p.byteStrides(), q.isPerAxis() ? q.axis() : -1);
        this.factors = new double[entries];
        this.zeroPoints = new int[entries];
        for (int k = 0; k < entries; k++) {
            factors[k] = q.factor(k);
            zeroPoints[k] = q.zeroPoint(k);
        }
        this.identity = q.type() == QuantiType.NONE;
        this.count = Math.toIntExact(p.elementCount());
        // The zoo's classifiers: one dense F32 row, copied in bulk.
        this.bulkFloats = identity && type == DataType.F32 && rows.isSingleRow() && rows.rowStep() == Float.BYTES;
    }

    /**
     * A dequantizer for a tensor with these properties.
     *
     * @throws IllegalArgumentException for tensors that do not hold values: the planar YUV types and the packed
     *                                  4-bit types
     */
    public static Dequantizer of(TensorProperties properties) {
        DataType type = properties.type();
        if (type.isYuv420() || type.byteSize() == 0) {
            throw new IllegalArgumentException("cannot read " + type + " tensor data as values (" + properties + ")");
        }
        return new Dequantizer(properties);
    }

    /** The properties it reads by. */
    public TensorProperties properties() {
        return properties;
    }

    /** Number of values it produces (the valid elements). */
    public int elementCount() {
        return count;
    }

    /** The valid elements of {@code memory} (offset 0 = the tensor's first byte), row-major over the valid shape. */
    public float[] dequantize(ByteBuffer memory) {
        float[] values = new float[count];
        dequantize(memory, values);
        return values;
    }

    /**
     * Writes the valid elements of {@code memory} into {@code values[0..elementCount)}, row-major over the
     * valid shape. Reads with absolute indices in the buffer's byte order; its position is not used.
     *
     * @throws IllegalArgumentException if {@code values} is shorter than {@link #elementCount()}
     */
    public void dequantize(ByteBuffer memory, float[] values) {
        if (values.length < count) {
            throw new IllegalArgumentException("destination holds " + values.length + " values, the tensor has " + count);
        }
        if (bulkFloats) {
            memory.duplicate().order(memory.order()).asFloatBuffer().get(0, values, 0, count);
            return;
        }
        int inner = rows.rowLength();
        long innerStep = rows.rowStep();
        int axis = rows.axis();
        int last = rows.last();
        rows.forEach((base, row, index) -> {
            int out = row * inner;
            if (identity) {
                for (int j = 0; j < inner; j++) {
                    values[out + j] = (float) Elements.read(memory, Math.toIntExact(base + j * innerStep), type);
                }
                return;
            }
            int rowEntry = axis >= 0 && axis < last ? index[axis] : 0;
            for (int j = 0; j < inner; j++) {
                int k = axis == last ? j : rowEntry;
                double raw = Elements.read(memory, Math.toIntExact(base + j * innerStep), type);
                values[out + j] = (float) ((raw - zeroPoints[k]) * factors[k]);
            }
        });
    }
}
