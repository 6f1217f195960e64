package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * INTERIM: the few rules the toolchain driver depends on, until the project's config validator lands
 * (then this class goes). Groups present, model and calibration folder present, the calibration keys a
 * sweep varies used as the hb_mapper documentation allows.
 */
public final class InterimConfigCheck implements ConfigCheck {
    private static final Set<String> CALIBRATION_TYPES = Set.of("default", "mix", "kl", "max", "load", "skip");

    @Override
    public List<Problem> check(MapperYaml c, Path source) {
        List<Problem> p = new ArrayList<>();
        for (String g : MapperYaml.GROUPS) {
            if (!c.hasGroup(g)) {
                p.add(new Problem(true, g, "missing: hb_mapper requires all four groups"));
            }
        }
        String onnx = c.get("model_parameters", "onnx_model");
        if (onnx == null) {
            p.add(new Problem(true, "model_parameters.onnx_model", "missing"));
        } else if (!Files.isRegularFile(Path.of(onnx))) {
            p.add(new Problem(true, "model_parameters.onnx_model", "no such file: " + onnx));
        }
        if (c.get("model_parameters", "output_model_file_prefix") == null) {
            p.add(new Problem(true, "model_parameters.output_model_file_prefix", "missing"));
        }
        String march = c.get("model_parameters", "march");
        if (march != null && !march.equals("bayes-e")) {
            p.add(new Problem(false, "model_parameters.march", "'" + march + "' is not the X5's 'bayes-e'"));
        }
        String type = c.get("calibration_parameters", "calibration_type");
        String t = type == null ? "default" : type;
        if (!CALIBRATION_TYPES.contains(t)) {
            p.add(new Problem(true, "calibration_parameters.calibration_type",
                    "'" + t + "' is not one of default, mix, kl, max, load, skip"));
        }
        String percentile = c.get("calibration_parameters", "max_percentile");
        if (percentile != null) {
            if (!t.equals("max")) {
                p.add(new Problem(true, "calibration_parameters.max_percentile",
                        "only applies with calibration_type 'max', not '" + t + "'"));
            }
            try {
                double v = Double.parseDouble(percentile);
                if (v <= 0 || v > 1) {
                    p.add(new Problem(true, "calibration_parameters.max_percentile", "must be in (0, 1], got " + percentile));
                }
            } catch (NumberFormatException e) {
                p.add(new Problem(true, "calibration_parameters.max_percentile", "not a number: " + percentile));
            }
        }
        String perChannel = c.get("calibration_parameters", "per_channel");
        if (perChannel != null && perChannel.equalsIgnoreCase("true") && t.equals("default")) {
            p.add(new Problem(true, "calibration_parameters.per_channel",
                    "per_channel applies only when calibration_type is not 'default' (the default search picks it)"));
        }
        if (!t.equals("skip") && !t.equals("load")) {
            String cal = c.get("calibration_parameters", "cal_data_dir");
            if (cal == null) {
                p.add(new Problem(true, "calibration_parameters.cal_data_dir", "missing"));
            } else if (!Files.isDirectory(Path.of(cal))) {
                p.add(new Problem(true, "calibration_parameters.cal_data_dir", "no such folder: " + cal));
            }
        }
        return p;
    }
}
