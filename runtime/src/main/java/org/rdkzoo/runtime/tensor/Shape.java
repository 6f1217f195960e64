package org.rdkzoo.runtime.tensor;

import java.util.Arrays;

/** An immutable tensor shape ({@code hbDNNTensorShape}): up to 8 non-negative dimensions, printed as {@code 1x3x224x224}. */
public final class Shape {
    /** {@code HB_DNN_TENSOR_MAX_DIMENSIONS}. */
    public static final int MAX_DIMENSIONS = 8;

    private final int[] dims;

    private Shape(int[] dims) {
        if (dims.length == 0 || dims.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a shape has 1.." + MAX_DIMENSIONS + " dimensions, not " + dims.length);
        }
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    /** The shape with these dimensions. */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** Parses {@code 1x3x224x224}. */
    public static Shape parse(String text) {
        String[] parts = text.trim().split("x", -1);
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a shape like 1x3x224x224 but found '" + text + "'", e);
            }
        }
        return new Shape(dims);
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code i}. */
    public int dim(int i) {
        return dims[i];
    }

    /** The dimensions (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** Product of the dimensions. */
    public long elementCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.toString();
    }
}
