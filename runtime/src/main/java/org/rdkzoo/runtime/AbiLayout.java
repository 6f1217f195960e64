package org.rdkzoo.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Native;

/**
 * The struct layout rdkzoo's JNA mapping assumes, and a check of it against a C probe.
 *
 * <p>The probe ({@link #probeSource()}, shipped in the jar as {@code org/rdkzoo/runtime/hb_dnn_layout_probe.c})
 * prints {@code sizeof} and {@code offsetof} of every mapped struct and field, one {@code NAME VALUE} per line
 * ({@code hbDNNTensorProperties 176}, {@code hbDNNTensorProperties.quantizeAxis 132}). Compiled on a board
 * against the real {@code /usr/include/dnn/hb_dnn.h}, its output fed to {@link #compare(String)} says whether
 * the mapping fits that libdnn.
 */
public final class AbiLayout {
    /** Where the probe's C source lives on the classpath. */
    public static final String PROBE_RESOURCE = "org/rdkzoo/runtime/hb_dnn_layout_probe.c";

    private AbiLayout() {
    }

    /** Size of each mapped struct and offset of each of its fields ({@code struct.field}), as JNA lays them out. */
    public static Map<String, Integer> expected() {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("pointer", Native.POINTER_SIZE);
        for (HbDnnStructs.HbStruct struct : HbDnnStructs.all()) {
            layout.put(struct.cName(), struct.size());
            for (String field : struct.fieldNames()) {
                layout.put(struct.cName() + "." + field, struct.offsetOf(field));
            }
        }
        return layout;
    }

    /**
     * Compares the probe's output with {@link #expected()}.
     *
     * @return one line per difference ({@code hbDNNTensorProperties: probe says 160, rdkzoo maps 176}), and one
     *         per expected entry the probe did not print; empty when the layouts match
     * @throws IllegalArgumentException if a line is not {@code NAME VALUE}
     */
    public static List<String> compare(String probeOutput) {
        Map<String, Integer> probed = new LinkedHashMap<>();
        String[] lines = probeOutput.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                probed.put(parts[0], Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("probe output line " + (i + 1) + ": expected 'NAME VALUE' but found '"
                        + line + "'", e);
            }
        }
        List<String> differences = new ArrayList<>();
        expected().forEach((name, value) -> {
            Integer actual = probed.get(name);
            if (actual == null) {
                differences.add(name + ": missing from the probe output");
            } else if (!actual.equals(value)) {
                differences.add(name + ": probe says " + actual + ", rdkzoo maps " + value);
            }
        });
        return differences;
    }

    /** The probe's C source. */
    public static String probeSource() {
        try (InputStream in = AbiLayout.class.getClassLoader().getResourceAsStream(PROBE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PROBE_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
