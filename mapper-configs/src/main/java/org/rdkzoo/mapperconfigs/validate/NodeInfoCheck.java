package org.rdkzoo.mapperconfigs.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.NodeSetting;

/**
 * node_info entries: {@code ON} is BPU or CPU, {@code InputType}, {@code InputTypeN} and
 * {@code OutputType} are int8 or int16 (there is no {@code OutputTypeN}), nothing else.
 */
final class NodeInfoCheck implements ConfigCheck {
    private static final Set<String> TYPES = Set.of("int8", "int16");
    private static final List<String> FIELDS = List.of(NodeSetting.ON, NodeSetting.INPUT_TYPE, NodeSetting.OUTPUT_TYPE);

    @Override
    public void check(CheckContext ctx) {
        Object raw = ctx.config().get(ConfigKey.NODE_INFO);
        if (!(raw instanceof Map) && !(raw instanceof String)) {
            return;
        }
        for (Map.Entry<String, NodeSetting> e : ctx.config().nodeInfo().entrySet()) {
            List<String> path = List.of("model_parameters", "node_info", e.getKey());
            for (Map.Entry<String, String> f : e.getValue().fields().entrySet()) {
                List<String> fieldPath = List.of("model_parameters", "node_info", e.getKey(), f.getKey());
                String field = f.getKey();
                String value = f.getValue();
                if (field.equals(NodeSetting.ON)) {
                    if (!value.equals("BPU") && !value.equals("CPU")) {
                        ctx.add(Severity.ERROR, fieldPath, true, "node " + e.getKey() + " must run ON 'BPU' or 'CPU'", value,
                                "BPU, CPU");
                    }
                } else if (field.equals(NodeSetting.INPUT_TYPE) || field.equals(NodeSetting.OUTPUT_TYPE)
                        || field.matches("InputType[0-9]+")) {
                    if (!TYPES.contains(value)) {
                        ctx.add(Severity.ERROR, fieldPath, true, "node " + e.getKey() + ": " + field + " must be int8 or int16",
                                value, "int8, int16");
                    }
                } else if (field.matches("OutputType[0-9]+")) {
                    ctx.add(Severity.ERROR, fieldPath, false, "node " + e.getKey() + ": there is no " + field
                            + "; OutputType sets the output", null, "ON, InputType, InputType0, InputType1..., OutputType");
                } else {
                    ctx.add(Severity.ERROR, fieldPath, false, "node " + e.getKey() + ": unknown field '" + field + "'"
                            + CheckContext.didYouMean(field, FIELDS), null, "ON, InputType, InputTypeN, OutputType");
                }
            }
            if (e.getValue().fields().isEmpty()) {
                ctx.add(Severity.WARNING, path, true, "node " + e.getKey() + " has no settings", null,
                        "{'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'}");
            }
        }
    }
}
