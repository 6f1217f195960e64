package org.rdkzoo.mapperconfigs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code node_info}: where a node runs and the data types of its inputs and outputs,
 * e.g. {@code {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'}}. Fields are kept as
 * written, in order; {@code InputType0}, {@code InputType1}... set one input each.
 */
public record NodeSetting(Map<String, String> fields) {
    public static final String ON = "ON";
    public static final String INPUT_TYPE = "InputType";
    public static final String OUTPUT_TYPE = "OutputType";

    public NodeSetting {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The zoo's usual entry: on the BPU, int16 in and out. */
    public static NodeSetting int16OnBpu() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(ON, "BPU");
        f.put(INPUT_TYPE, "int16");
        f.put(OUTPUT_TYPE, "int16");
        return new NodeSetting(f);
    }

    public Optional<String> on() {
        return Optional.ofNullable(fields.get(ON));
    }

    public Optional<String> inputType() {
        return Optional.ofNullable(fields.get(INPUT_TYPE));
    }

    public Optional<String> outputType() {
        return Optional.ofNullable(fields.get(OUTPUT_TYPE));
    }

    /** Whether any input or the output is set to int16. */
    public boolean int16() {
        return fields.entrySet().stream().anyMatch(e -> !e.getKey().equals(ON) && "int16".equals(e.getValue()));
    }
}
