package org.rdkzoo.mapperconfigs.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The made-up model the stand-in hb_mapper "quantizes": a short EfficientNet-like node list whose
 * cosines depend, deterministically, on the calibration settings, so that sweeps rank and diffs differ.
 * These are stand-in figures, never a toolchain's.
 */
final class StandInLayers {
    record Row(String node, String on, String subgraph, String type, Double cosine, Double threshold, String dataType) {
    }

    private static final String[][] NODES = {
        {"HZ_PREPROCESS_FOR_data", "HzSQuantizedPreprocess"},
        {"/conv_stem/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.0/blocks.0.0/conv_dw/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.0/blocks.0.0/se/conv_reduce/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.1/blocks.1.0/se/conv_reduce/Conv_output_0_calibrated_Requantize", "HzRequantize"},
        {"/blocks/blocks.2/blocks.2.0/conv_pw/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.5/blocks.5.0/conv_pwl/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.6/blocks.6.0/conv_dw/Conv", "HzSQuantizedConv"},
        {"/blocks/blocks.6/blocks.6.0/se/ReduceMean", "HzSQuantizedReduceMean"},
        {"/blocks/blocks.6/blocks.6.0/se/Mul", "HzSElementwiseMul"},
        {"/blocks/blocks.6/blocks.6.0/conv_pwl/Conv", "HzSQuantizedConv"},
        {"/conv_head/Conv", "HzSQuantizedConv"},
        {"/global_pool/GlobalAveragePool", "HzSQuantizedGlobalAveragePool"},
        {"/classifier/Gemm", "HzSQuantizedConv"},
    };
    static final String CPU_TAIL = "/classifier/Gemm_transpose_output_reshape";
    /** hb_mapper prints at most this many characters of a name. */
    static final int NAME_WIDTH = 50;

    private StandInLayers() {
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String[] n : NODES) {
            names.add(n[0]);
        }
        names.add(CPU_TAIL);
        return names;
    }

    /** The per-layer rows for these calibration settings and int16 nodes. */
    static List<Row> rows(Map<String, Object> calibration, Set<String> int16, boolean older) {
        double q = quality(calibration);
        List<Row> rows = new ArrayList<>();
        double last = 1.0;
        for (int i = 0; i < NODES.length; i++) {
            String name = NODES[i][0];
            String type = NODES[i][1];
            boolean wide = int16.contains(name);
            String dt = wide ? "int16" : "int8";
            if (older) {
                dt = name.equals("/classifier/Gemm") ? "int8/int32" : dt + "/" + dt;
            }
            if (type.equals("HzRequantize")) {
                rows.add(new Row(cut(name), "BPU", "id(0)", type, null, null, dt));
                continue;
            }
            double gap = (0.0004 + 0.03 * i / NODES.length + 0.004 * (Math.abs(name.hashCode()) % 7) / 7.0) * q;
            if (wide) {
                gap *= 0.1;
            }
            last = round(1.0 - gap);
            double threshold = round(1.0 + (Math.abs(name.hashCode()) % 20000) / 100.0);
            rows.add(new Row(cut(name), "BPU", "id(0)", type, last, i == 0 ? 127.0 : threshold, dt));
        }
        rows.add(new Row(CPU_TAIL, "CPU", "--", "Reshape", last, null, older ? "float/float" : "float"));
        return rows;
    }

    /** The output's cosine, L1, L2, Chebyshev for these settings. */
    static double[] output(List<Row> rows) {
        double cos = rows.get(rows.size() - 1).cosine();
        double gap = 1 - cos;
        return new double[] {cos, round(gap * 17.3), round(gap * 0.71), round(gap * 88.4)};
    }

    /** Which method the "default" search picks, as the real log says "Select max method.". */
    static String selected(Map<String, Object> calibration) {
        Object t = calibration.get("calibration_type");
        return t == null || "default".equals(String.valueOf(t)) ? "max" : null;
    }

    private static double quality(Map<String, Object> c) {
        String type = String.valueOf(c.getOrDefault("calibration_type", "default")).toLowerCase(Locale.ROOT);
        double q = switch (type) {
            case "kl" -> 0.85;
            case "max" -> 0.7 * percentileFactor(c.get("max_percentile"));
            case "mix" -> 0.8;
            case "skip" -> 5.0;
            default -> 1.0;
        };
        if (Boolean.parseBoolean(String.valueOf(c.getOrDefault("per_channel", "false")))) {
            q *= 0.75;
        }
        return q;
    }

    private static double percentileFactor(Object p) {
        if (p == null) {
            return 1.6; // plain max keeps every outlier
        }
        double v = Double.parseDouble(String.valueOf(p));
        if (v >= 1.0) {
            return 1.6;
        }
        return v >= 0.99995 ? 1.0 : v >= 0.9999 ? 0.9 : 1.2;
    }

    static String cut(String name) {
        return name.length() <= NAME_WIDTH ? name : "..." + name.substring(name.length() - (NAME_WIDTH - 3));
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
