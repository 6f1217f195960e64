package org.rdkzoo.mapperconfigs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

/** Helpers for the validator's tests: run one check, or the whole validator without files. */
final class Checks {
    static final Path FILE = Path.of("/configs/model.yaml");

    private Checks() {
    }

    static MapperConfig zooB2() {
        return yaml(ZooConfigs.efficientNetB2());
    }

    static MapperConfig yaml(String text) {
        try {
            return MapperConfigReader.parse(text, FILE);
        } catch (ConfigFormatException e) {
            throw new AssertionError(e);
        }
    }

    static List<Diagnostic> run(ConfigCheck check, MapperConfig config) {
        CheckContext ctx = new CheckContext(config, ValidationOptions.configOnly());
        check.check(ctx);
        return ctx.diagnostics();
    }

    static List<Diagnostic> all(MapperConfig config) {
        return ConfigValidator.validate(config, ValidationOptions.configOnly());
    }

    /** The single diagnostic, asserting there is exactly one. */
    static Diagnostic only(List<Diagnostic> diagnostics) {
        assertEquals(1, diagnostics.size(), () -> render(diagnostics));
        return diagnostics.get(0);
    }

    static void assertClean(List<Diagnostic> diagnostics) {
        assertTrue(diagnostics.isEmpty(), () -> render(diagnostics));
    }

    static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(ValidationReport::line).collect(Collectors.joining("\n"));
    }
}
