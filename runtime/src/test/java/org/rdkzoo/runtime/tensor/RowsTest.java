package org.rdkzoo.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowsTest {

    private static List<String> rows(Rows rows) {
        List<String> visited = new ArrayList<>();
        rows.forEach((offset, row, index) -> visited.add(row + "@" + offset));
        return visited;
    }

    @Test
    void aDenseClassifierOutputIsOneRow() {
        Rows rows = Rows.of(new int[] {1, 1000, 1, 1}, new long[] {4000, 4, 4, 4}, -1);
        assertTrue(rows.isSingleRow());
        assertEquals(1000, rows.rowLength());
        assertEquals(4, rows.rowStep());
    }

    @Test
    void paddingKeepsRowsApartAndContiguousOuterDimensionsMerge() {
        // 2x3x4 valid in 2x3x8 aligned: the two outer dimensions merge into 6 rows of 4, 8 elements apart.
        Rows rows = Rows.of(new int[] {2, 3, 4}, new long[] {24, 8, 1}, -1);
        assertEquals(4, rows.rowLength());
        assertEquals(List.of("0@0", "1@8", "2@16", "3@24", "4@32", "5@40"), rows(rows));
    }

    @Test
    void theQuantizedAxisStaysADimensionOfItsOwn() {
        // 1x4x1x3 dense S8, per-axis on dimension 1: 4 rows of 3, and the axis is the walk's first dimension.
        Rows rows = Rows.of(new int[] {1, 4, 1, 3}, new long[] {12, 3, 3, 1}, 1);
        assertEquals(0, rows.axis());
        assertEquals(3, rows.rowLength());
        assertEquals(List.of("0@0", "1@3", "2@6", "3@9"), rows(rows));
        // per-axis on the last dimension: the rows are not merged into one
        Rows last = Rows.of(new int[] {2, 3}, new long[] {3, 1}, 1);
        assertEquals(1, last.axis());
        assertEquals(List.of("0@0", "1@3"), rows(last));
    }

    @Test
    void aTensorOfOnesIsOneElement() {
        Rows rows = Rows.of(new int[] {1, 1, 1}, new long[] {4, 4, 4}, -1);
        assertEquals(List.of("0@0"), rows(rows));
        assertEquals(1, rows.rowLength());
    }
}
