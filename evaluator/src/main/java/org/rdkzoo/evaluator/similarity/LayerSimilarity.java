package org.rdkzoo.evaluator.similarity;

import java.util.Objects;

/**
 * One row of a per-layer similarity table: the float model against its quantized form at one node.
 * hb_mapper prints these as "The main quantized node information"; the int8 simulation writes rows of
 * the same shape, so the two can be set side by side.
 *
 * @param node      node name as printed; hb_mapper cuts long names and marks them with a leading {@code ...}
 * @param on        where the node runs: {@code BPU} or {@code CPU}
 * @param subgraph  BPU subgraph as printed ({@code id(0)}), {@code null} when none ({@code --})
 * @param type      operator type ({@code HzSQuantizedConv}, {@code Reshape}, ...)
 * @param cosine    cosine similarity of the node's output, {@code null} when not measured ({@code --})
 * @param threshold calibration threshold, {@code null} when none
 * @param dataType  data type(s) as printed: {@code int8} (newer logs) or {@code int8/int32} (in/out, older logs)
 */
public record LayerSimilarity(
        String node,
        String on,
        String subgraph,
        String type,
        Double cosine,
        Double threshold,
        String dataType) {

    public LayerSimilarity {
        Objects.requireNonNull(node, "node");
    }

    /** True when the name was cut by hb_mapper; only its tail is known. */
    public boolean nameTruncated() {
        return node.startsWith("...");
    }

    /**
     * True when this row can stand for {@code fullName}: the same name, or a cut name whose tail matches
     * it. Lets a simulation's full names be matched against hb_mapper's cut ones.
     */
    public boolean matchesName(String fullName) {
        if (node.equals(fullName)) {
            return true;
        }
        return nameTruncated() && node.length() > 3 && fullName.endsWith(node.substring(3));
    }
}
