package org.rdkzoo.mapperconfigs.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigWriter;

/**
 * int16 nodes as hb_mapper's config wants them, {@code "node": {'ON': 'BPU', 'InputType': 'int16',
 * 'OutputType': 'int16'}} under {@code model_parameters.node_info}: as a snippet to paste, or merged into a
 * config (the existing node_info entries are kept). Written by {@link MapperConfigWriter}, so
 * {@code MapperConfigReader} and PyYAML read back exactly these nodes.
 */
public final class NodeInfoBlock {
    private NodeInfoBlock() {
    }

    /** The {@code model_parameters: node_info: {...}} block alone. */
    public static String snippet(Collection<String> nodes) {
        return MapperConfigWriter.body(MapperConfig.empty().withInt16Nodes(nodes));
    }

    /** {@code config} with the nodes added to its node_info. */
    public static MapperConfig merge(MapperConfig config, Collection<String> nodes) {
        return config.withInt16Nodes(nodes);
    }

    /** Writes {@code config} with the nodes merged to {@code out}, under a header saying where they came from. */
    public static void write(MapperConfig config, Collection<String> nodes, String from, List<String> notes, Instant when,
            Path out) throws IOException {
        MapperConfigWriter.write(merge(config, nodes), new MapperConfigWriter.Header(from, when, notes), out);
    }
}
