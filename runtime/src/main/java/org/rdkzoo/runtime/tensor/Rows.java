package org.rdkzoo.runtime.tensor;

/**
 * Walks the innermost rows of a tensor's valid elements in row-major order, giving each row's byte offset.
 * The walk first drops dimensions of size 1 and merges neighbours that are contiguous in memory, so a dense
 * {@code 1x1000x1x1} output is one row of 1000 elements, not 1000 rows of one.
 */
final class Rows {
    private final int[] dims;
    private final long[] steps;
    private final int axis;

    private Rows(int[] dims, long[] steps, int axis) {
        this.dims = dims;
        this.steps = steps;
        this.axis = axis;
    }

    @FunctionalInterface
    interface Visitor {
        /**
         * @param offset byte offset of the row's first element
         * @param row    row-major number of the row
         * @param index  the row's coordinates in the walk's dimensions (the last is always 0); read-only
         */
        void visit(long offset, int row, int[] index);
    }

    /**
     * The walk over a tensor with these valid dimensions and byte strides.
     *
     * @param axis a dimension that must stay a dimension of its own (the per-axis quantization axis), or -1
     */
    static Rows of(int[] validDims, long[] byteSteps, int axis) {
        int rank = validDims.length;
        int[] dims = new int[rank];
        long[] steps = new long[rank];
        int newAxis = -1;
        int n = 0;
        for (int d = 0; d < rank; d++) {
            if (validDims[d] == 1 && d != axis) {
                continue; // contributes nothing to any offset
            }
            boolean mergeable = n > 0 && d != axis && n - 1 != newAxis
                    && steps[n - 1] == byteSteps[d] * validDims[d];
            if (mergeable) {
                dims[n - 1] *= validDims[d];
                steps[n - 1] = byteSteps[d];
            } else {
                if (d == axis) {
                    newAxis = n;
                }
                dims[n] = validDims[d];
                steps[n] = byteSteps[d];
                n++;
            }
        }
        if (n == 0) {
            return new Rows(new int[] {1}, new long[] {byteSteps[rank - 1]}, -1);
        }
        return new Rows(java.util.Arrays.copyOf(dims, n), java.util.Arrays.copyOf(steps, n), newAxis);
    }

    /** Elements per row. */
    int rowLength() {
        return dims[dims.length - 1];
    }

    /** Byte step between the elements of a row. */
    long rowStep() {
        return steps[steps.length - 1];
    }

    /** Whether the walk is a single row. */
    boolean isSingleRow() {
        return dims.length == 1;
    }

    /** Position of the kept axis among the walk's dimensions, or -1. */
    int axis() {
        return axis;
    }

    /** Position of the last dimension. */
    int last() {
        return dims.length - 1;
    }

    /** Visits every row. */
    void forEach(Visitor visitor) {
        for (int dim : dims) {
            if (dim == 0) {
                return;
            }
        }
        int last = dims.length - 1;
        int[] index = new int[dims.length];
        int row = 0;
        while (true) {
            long offset = 0;
            for (int d = 0; d < last; d++) {
                offset += index[d] * steps[d];
            }
            visitor.visit(offset, row++, index);
            int d = last - 1;
            while (d >= 0 && ++index[d] == dims[d]) {
                index[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }
}
