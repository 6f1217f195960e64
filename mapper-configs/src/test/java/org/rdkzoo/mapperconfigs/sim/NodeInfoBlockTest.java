package org.rdkzoo.mapperconfigs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.NodeSetting;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

class NodeInfoBlockTest {
    private static final List<String> NODES = List.of("/blocks/blocks.3/blocks.3.0/conv_pw/Conv", "conv_pw_13");

    @TempDir
    Path dir;

    @Test
    void theSnippetIsHbMappersFormAndReadsBackAsTheSameNodes() throws Exception {
        String snippet = NodeInfoBlock.snippet(NODES);
        assertTrue(snippet.startsWith("model_parameters:\n  node_info: {\n"), snippet);
        assertTrue(snippet.contains("\"conv_pw_13\": {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'},"),
                snippet);
        MapperConfig back = MapperConfigReader.parse(snippet, null);
        assertEquals(NODES, List.copyOf(back.nodeInfo().keySet()));
        assertTrue(back.nodeInfo().values().stream().allMatch(NodeSetting.int16OnBpu()::equals));
    }

    @Test
    void writingMergesIntoTheConfigKeepingItsOwnNodes() throws Exception {
        Path original = dir.resolve("b2.yaml");
        Files.writeString(original, ZooConfigs.efficientNetB2());
        MapperConfig config = MapperConfigReader.read(original);
        Path out = dir.resolve("b2-int16.yaml");
        NodeInfoBlock.write(config, NODES, original.toString(), List.of("from rdkzoo sim --max-drop 1"),
                Instant.parse("2026-01-01T00:00:00Z"), out);
        MapperConfig merged = MapperConfigReader.read(out);
        assertEquals(6 + 2, merged.nodeInfo().size());
        assertTrue(merged.nodeInfo().keySet().containsAll(NODES));
        assertTrue(merged.nodeInfo().keySet().containsAll(config.nodeInfo().keySet()));
        assertEquals(config.flatten().get("input_parameters.mean_value"), merged.flatten().get("input_parameters.mean_value"));
        assertTrue(Files.readString(out).contains("# from rdkzoo sim --max-drop 1"));
    }
}
