package org.rdkzoo.mapperconfigs.logs;

/**
 * One row of {@code hb_mapper checker}'s node table.
 *
 * @param node     node name (cut with a leading {@code ...} when long)
 * @param on       {@code BPU} or {@code CPU}
 * @param subgraph BPU subgraph ({@code id(0)}), {@code null} for CPU nodes ({@code --})
 * @param type     operator type as the toolchain maps it
 * @param dataType data types as printed ({@code int8/int8}, {@code float/float})
 */
public record CheckerNode(String node, String on, String subgraph, String type, String dataType) {
}
