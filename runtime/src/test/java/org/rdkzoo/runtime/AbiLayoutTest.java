package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.runtime.testing.Gcc;
import org.rdkzoo.runtime.testing.LibdnnStandIn;

class AbiLayoutTest {

    @Test
    void structsHaveTheDocumentedLp64Sizes() {
        assertEquals(24, new HbDnnStructs.HbSysMem().size());
        assertEquals(36, new HbDnnStructs.HbDnnTensorShape().size());
        assertEquals(16, new HbDnnStructs.HbDnnQuantiShift().size());
        assertEquals(32, new HbDnnStructs.HbDnnQuantiScale().size());
        assertEquals(176, new HbDnnStructs.HbDnnTensorProperties().size());
        assertEquals(272, new HbDnnStructs.HbDnnTensor().size());
        assertEquals(32, new HbDnnStructs.HbDnnInferCtrlParam().size());
    }

    @Test
    void documentedOffsetsOfTheTrickyFieldsHold() {
        Map<String, Integer> layout = AbiLayout.expected();
        assertEquals(80, layout.get("hbDNNTensorProperties.shift"), "shift is padded to 8");
        assertEquals(96, layout.get("hbDNNTensorProperties.scale"));
        assertEquals(128, layout.get("hbDNNTensorProperties.quantiType"));
        assertEquals(132, layout.get("hbDNNTensorProperties.quantizeAxis"));
        assertEquals(140, layout.get("hbDNNTensorProperties.stride"));
        assertEquals(96, layout.get("hbDNNTensor.properties"));
        assertEquals(16, layout.get("hbDNNInferCtrlParam.customId"));
    }

    @Test
    void everySizeAndFieldOffsetMatchesTheCProbeOfTheTranscribedHeader() {
        String probe = Gcc.output(LibdnnStandIn.layoutProbe());
        List<String> differences = AbiLayout.compare(probe);
        assertEquals(List.of(), differences);
        // Every mapped field was checked: the probe printed exactly the entries rdkzoo maps.
        long probedEntries = probe.lines().filter(line -> !line.isBlank()).count();
        assertEquals(AbiLayout.expected().size(), probedEntries);
        assertEquals(1 + 7 + 3 + 2 + 2 + 4 + 10 + 2 + 7, probedEntries, "pointer + 7 structs + their 30 fields");
    }

    @Test
    void compareReportsEachDifferenceAndEachMissingEntry() {
        StringBuilder probe = new StringBuilder();
        AbiLayout.expected().forEach((name, value) -> {
            if (name.equals("hbDNNTensorProperties")) {
                probe.append(name).append(" 160\n"); // the old 1.6.x layout had no stride
            } else if (!name.equals("hbDNNQuantiScale.zeroPointData")) {
                probe.append(name).append(' ').append(value).append('\n');
            }
        });
        assertEquals(List.of("hbDNNQuantiScale.zeroPointData: missing from the probe output",
                "hbDNNTensorProperties: probe says 160, rdkzoo maps 176"), AbiLayout.compare(probe.toString()));
    }

    @Test
    void compareRejectsALineThatIsNotNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AbiLayout.compare("pointer 8\nhbSysMem twenty-four\n"));
        assertEquals("probe output line 2: expected 'NAME VALUE' but found 'hbSysMem twenty-four'", e.getMessage());
    }

    @Test
    void theProbeSourceShipsInTheJarWithItsBoardCommand() {
        String source = AbiLayout.probeSource();
        assertTrue(source.contains("#include \"dnn/hb_dnn.h\""), source);
        assertTrue(source.contains("gcc -o hb_dnn_layout_probe hb_dnn_layout_probe.c"), source);
    }
}
