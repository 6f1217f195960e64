package org.rdkzoo.runtime.tensor;

/** Walks the innermost rows of a tensor's valid elements in row-major order, giving each row's byte offset. */
final class Rows {
    private Rows() {
    }

    @FunctionalInterface
    interface Visitor {
        /**
         * @param offset byte offset of the row's first element
         * @param row    row-major number of the row
         * @param index  the row's coordinates (the last one is always 0); read-only
         */
        void visit(long offset, int row, int[] index);
    }

    /** Visits every innermost row of a tensor with these valid dimensions and byte strides. */
    static void forEach(int[] dims, long[] steps, Visitor visitor) {
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
