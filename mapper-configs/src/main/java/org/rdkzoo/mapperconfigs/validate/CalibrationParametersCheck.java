package org.rdkzoo.mapperconfigs.validate;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Section;

/**
 * calibration_parameters: the documented calibration types and data types, calibration data where
 * the type needs it, max_percentile in [0, 1] and only with {@code max}, per_channel not with
 * {@code default} (which searches it itself), and the settings the toolchain warns against.
 */
final class CalibrationParametersCheck implements ConfigCheck {

    @Override
    public void check(CheckContext ctx) {
        if (ctx.section(Section.CALIBRATION_PARAMETERS).isEmpty()) {
            return;
        }
        MapperConfig c = ctx.config();
        String type = c.calibrationType();
        c.string(ConfigKey.CALIBRATION_TYPE).filter(t -> !ConfigKey.CALIBRATION_TYPE.allowed().contains(t)).ifPresent(t ->
                ctx.error(ConfigKey.CALIBRATION_TYPE, "unknown calibration_type"
                        + CheckContext.didYouMean(t, ConfigKey.CALIBRATION_TYPE.allowed()), t,
                        String.join(", ", ConfigKey.CALIBRATION_TYPE.allowed())));
        c.string(ConfigKey.CAL_DATA_TYPE).filter(t -> !ConfigKey.CAL_DATA_TYPE.allowed().contains(t)).ifPresent(t ->
                ctx.error(ConfigKey.CAL_DATA_TYPE, "unknown cal_data_type" + CheckContext.didYouMean(t, ConfigKey.CAL_DATA_TYPE.allowed()),
                        t, "float32, uint8"));
        AllowedWords.check(ctx, ConfigKey.OPTIMIZATION);

        boolean needsData = !type.equals("load") && !type.equals("skip");
        if (needsData && !c.has(ConfigKey.CAL_DATA_DIR)) {
            ctx.error(ConfigKey.CAL_DATA_DIR, "calibration_type " + type + " needs calibration data: set cal_data_dir", null,
                    "a folder of preprocessed samples (rdkzoo mapper calib writes one)");
        }
        if (needsData && c.has(ConfigKey.CAL_DATA_DIR) && !c.has(ConfigKey.CAL_DATA_TYPE)) {
            ctx.warning(ConfigKey.CAL_DATA_DIR, "cal_data_type is not set: hb_mapper then takes float32 if the folder "
                    + "name ends in _f32 and uint8 otherwise; say which", c.get(ConfigKey.CAL_DATA_DIR), "cal_data_type: float32 or uint8");
        }
        if (c.has(ConfigKey.MAX_PERCENTILE)) {
            c.maxPercentile().ifPresent(p -> {
                if (!(p >= 0 && p <= 1)) {
                    ctx.error(ConfigKey.MAX_PERCENTILE, "max_percentile is a fraction between 0 and 1", p,
                            "0.0-1.0, e.g. 0.99995");
                }
            });
            if (!type.equals("max")) {
                ctx.error(ConfigKey.MAX_PERCENTILE, "max_percentile is used only with calibration_type max", type, "max");
            }
        }
        if (Boolean.TRUE.equals(c.get(ConfigKey.PER_CHANNEL)) && type.equals("default")) {
            ctx.error(ConfigKey.PER_CHANNEL, "per_channel cannot be set with calibration_type default, which tries "
                    + "per-channel and per-tensor itself", type, "kl, max, mix");
        }
        if (type.equals("skip")) {
            ctx.warning(ConfigKey.CALIBRATION_TYPE, "skip calibrates on random data: fine for checking speed, "
                    + "meaningless for accuracy", type, null);
        }
        if (Boolean.TRUE.equals(c.get(ConfigKey.PREPROCESS_ON))) {
            ctx.warning(ConfigKey.PREPROCESS_ON, "preprocess_on reads images with skimage and resizes them, which "
                    + "differs from the preprocessing at runtime; the toolchain advises against it", true, "False");
        }
        for (ConfigKey k : new ConfigKey[] {ConfigKey.RUN_ON_CPU, ConfigKey.RUN_ON_BPU}) {
            if (c.has(k)) {
                ctx.warning(k, k.yamlName() + " is merged into node_info on the X5 and planned for removal; use "
                        + "node_info {'ON': 'CPU'} or {'ON': 'BPU'}", null, "node_info");
            }
        }
    }
}
