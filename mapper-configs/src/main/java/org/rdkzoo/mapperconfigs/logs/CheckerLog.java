package org.rdkzoo.mapperconfigs.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code hb_mapper checker} reported: its node table (which nodes run where, with which types), the
 * toolchain versions and any error.
 *
 * @param nodes    rows of the last node table in the log, empty when the checker failed before it
 * @param versions component versions from the log header
 * @param errors   ERROR messages, in order
 */
public record CheckerLog(List<CheckerNode> nodes, Map<String, String> versions, List<String> errors) {

    public CheckerLog {
        nodes = List.copyOf(nodes);
        versions = Map.copyOf(versions);
        errors = List.copyOf(errors);
    }

    public static CheckerLog parse(Path log) throws IOException {
        return parse(LogText.read(log));
    }

    public static CheckerLog parse(String text) {
        return parse(LogText.lines(text));
    }

    static CheckerLog parse(List<String> lines) {
        LogTable table = null;
        for (LogTable t : LogTable.findAll(lines, "Node")) {
            if (t.has("ON") && t.has("Subgraph")) {
                table = t;
            }
        }
        List<CheckerNode> nodes = new ArrayList<>();
        if (table != null) {
            String typeColumn = table.has("In/Out DataType") ? "In/Out DataType" : "DataType";
            for (Map<String, String> row : table.rows()) {
                nodes.add(new CheckerNode(Objects.requireNonNull(row.get("Node")), row.get("ON"),
                        LogText.text(row.get("Subgraph")), row.get("Type"), LogText.text(row.get(typeColumn))));
            }
        }
        return new CheckerLog(nodes, LogText.versions(lines), LogText.errors(lines));
    }

    /** The nodes that run on the CPU: each one splits the model into BPU subgraphs and costs latency. */
    public List<CheckerNode> cpuNodes() {
        return nodes.stream().filter(n -> "CPU".equals(n.on())).toList();
    }

    /** Number of distinct BPU subgraphs. */
    public long subgraphCount() {
        return nodes.stream().map(CheckerNode::subgraph).filter(Objects::nonNull).distinct().count();
    }
}
