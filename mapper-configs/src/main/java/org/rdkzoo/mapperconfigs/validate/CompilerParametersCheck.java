package org.rdkzoo.mapperconfigs.validate;

import java.util.Map;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Section;

/**
 * compiler_parameters: the documented compile modes, optimisation levels and input sources; no
 * core_num (the X5 has one BPU core and the toolchain says not to set it); max_time_per_fc 0 or at
 * least 1000 µs; jobs at least 1.
 */
final class CompilerParametersCheck implements ConfigCheck {
    private static final long MAX_TIME_PER_FC = 4_294_967_295L;

    @Override
    public void check(CheckContext ctx) {
        if (ctx.section(Section.COMPILER_PARAMETERS).isEmpty()) {
            return;
        }
        MapperConfig c = ctx.config();
        for (ConfigKey k : new ConfigKey[] {ConfigKey.COMPILE_MODE, ConfigKey.OPTIMIZE_LEVEL}) {
            c.string(k).filter(v -> !k.allowed().contains(v)).ifPresent(v -> ctx.error(k, "unknown " + k.yamlName()
                    + CheckContext.didYouMean(v, k.allowed()), v, String.join(", ", k.allowed())));
        }
        if (c.has(ConfigKey.CORE_NUM)) {
            ctx.error(ConfigKey.CORE_NUM, "core_num is not supported on the RDK X5 (one BPU core); remove it",
                    c.get(ConfigKey.CORE_NUM), "no core_num");
        }
        c.integer(ConfigKey.MAX_TIME_PER_FC).ifPresent(t -> {
            if (t != 0 && (t < 1000 || t > MAX_TIME_PER_FC)) {
                ctx.error(ConfigKey.MAX_TIME_PER_FC, "max_time_per_fc is 0 (no preemption) or 1000 to 4294967295 µs", t,
                        "0, or 1000-4294967295");
            }
        });
        c.integer(ConfigKey.JOBS).ifPresent(j -> {
            if (j < 1) {
                ctx.error(ConfigKey.JOBS, "jobs is a number of compile processes", j, "1 or more");
            }
        });
        for (Map.Entry<String, String> e : c.inputSource().entrySet()) {
            if (!ConfigKey.INPUT_SOURCE.allowed().contains(e.getValue())) {
                ctx.add(Severity.ERROR, java.util.List.of("compiler_parameters", "input_source", e.getKey()), true,
                        "unknown input source for " + e.getKey() + CheckContext.didYouMean(e.getValue(), ConfigKey.INPUT_SOURCE.allowed()),
                        e.getValue(), String.join(", ", ConfigKey.INPUT_SOURCE.allowed()));
            }
        }
    }
}
