package org.rdkzoo.mapperconfigs.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class CheckerLogTest {
    @Test
    void readsTheNodeTableWithCpuRowsAndSubgraphs() throws IOException {
        CheckerLog log = CheckerLog.parse(MakertbinLogTest.fixture("checker-older.log"));
        assertEquals(5, log.nodes().size());
        assertEquals(new CheckerNode("/stage0/rbr_reparam/Conv", "BPU", "id(0)", "HzSQuantizedConv", "int8/int8"),
                log.nodes().get(0));
        assertEquals(List.of(new CheckerNode("/linear/Gemm_reshape_output", "CPU", null, "Reshape", "float/float")),
                log.cpuNodes());
        assertEquals(1, log.subgraphCount());
        assertEquals("1.23.8", log.versions().get("hb_mapper"));
        assertTrue(log.errors().isEmpty());
    }

    @Test
    void readsANewerCheckerTableWithADataTypeColumn() {
        String text = """
                ==========================================================================
                Node                ON   Subgraph  Type              DataType
                --------------------------------------------------------------------------
                /conv1/Conv         BPU  id(0)     HzSQuantizedConv  int8
                /topk/TopK          CPU  --        TopK              float
                /fc/Gemm            BPU  id(1)     HzSQuantizedConv  int8
                """;
        CheckerLog log = CheckerLog.parse(text);
        assertEquals(3, log.nodes().size());
        assertEquals("float", log.nodes().get(1).dataType());
        assertEquals(2, log.subgraphCount());
    }
}
