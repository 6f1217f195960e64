package org.rdkzoo.evaluator.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulation's settings under the keys an hb_mapper config flattens to ({@code calibration_parameters.
 * calibration_type}, {@code model_parameters.node_info.<node>}, values as Python prints them), so that
 * {@code experiments diff} lines them up with an experiment's config. Keys hb_mapper has no word for start
 * with {@code sim.}.
 */
public final class SimSettingsKeys {
    public static final String CALIBRATION_TYPE = "calibration_parameters.calibration_type";
    public static final String MAX_PERCENTILE = "calibration_parameters.max_percentile";
    public static final String PER_CHANNEL = "calibration_parameters.per_channel";
    public static final String NODE_INFO = "model_parameters.node_info.";

    private SimSettingsKeys() {
    }

    public static Map<String, String> of(QuantSettings s) {
        Map<String, String> m = new TreeMap<>();
        boolean percentile = s.method() == CalibrationMethod.PERCENTILE;
        m.put(CALIBRATION_TYPE, percentile ? "max" : s.method().id());
        if (percentile) {
            m.put(MAX_PERCENTILE, Double.toString(s.maxPercentile()));
        }
        m.put(PER_CHANNEL, s.perChannel() ? "True" : "False");
        m.put("sim.asymmetric", s.asymmetric() ? "True" : "False");
        s.nodes().forEach((node, p) -> m.put(NODE_INFO + node, nodeInfo(p)));
        return new LinkedHashMap<>(m);
    }

    /** A node_info entry as a flattened config prints it: its fields sorted, {@code key=value, ...}. */
    static String nodeInfo(NodePrecision p) {
        Map<String, String> f = new TreeMap<>();
        f.put("ON", p.onCpu() ? "CPU" : "BPU");
        if (!p.onCpu()) {
            if (p.allInputsInt16()) {
                f.put("InputType", "int16");
            } else {
                p.int16Inputs().forEach(i -> f.put("InputType" + i, "int16"));
            }
            if (p.int16Output()) {
                f.put("OutputType", "int16");
            }
        }
        StringBuilder b = new StringBuilder();
        f.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** Whether an hb_mapper setting is one the simulation models (worth comparing with a simulation's). */
    public static boolean comparable(String key) {
        return key.startsWith("calibration_parameters.calibration_type") || key.startsWith(MAX_PERCENTILE)
                || key.startsWith(PER_CHANNEL) || key.startsWith(NODE_INFO) || key.startsWith("sim.");
    }
}
