package org.rdkzoo.mapperconfigs.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;

/**
 * Checks an hb_mapper config for the X5 before the toolchain runs: structure, types, allowed values,
 * the rules between keys, and (unless told not to) the files it names. Pure apart from reading those
 * files; the diagnostics come back sorted by position.
 */
public final class ConfigValidator {
    private static final List<ConfigCheck> CHECKS = List.of(
            new StructureCheck(),
            new ModelParametersCheck(),
            new NodeInfoCheck(),
            new InputParametersCheck(),
            new CalibrationParametersCheck(),
            new CompilerParametersCheck(),
            new ModelFileCheck(),
            new CalibrationDataCheck());

    private ConfigValidator() {
    }

    public static List<Diagnostic> validate(MapperConfig config, ValidationOptions options) {
        CheckContext context = new CheckContext(config, options);
        for (ConfigCheck check : CHECKS) {
            if (options.checkFiles() || !check.readsFiles()) {
                check.check(context);
            }
        }
        return context.diagnostics().stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> d.line() == 0 ? Integer.MAX_VALUE : d.line())
                        .thenComparingInt(Diagnostic::column))
                .toList();
    }

    /**
     * Reads and validates a config file. A file that cannot be read as a config at all (not YAML, a
     * forbidden tag, an alias bomb) gives one error at the place it failed, instead of an exception.
     */
    public static List<Diagnostic> validateFile(Path file, ValidationOptions options) throws IOException {
        MapperConfig config;
        try {
            config = MapperConfigReader.read(file);
        } catch (ConfigFormatException e) {
            String message = e.getMessage();
            String prefix = file + (e.position().known() ? ":" + e.position() : "") + ": ";
            return List.of(new Diagnostic(Severity.ERROR, file, e.position().line(), e.position().column(), "",
                    message.startsWith(prefix) ? message.substring(prefix.length()) : message, null, null));
        }
        return validate(config, options);
    }

    /** Whether these diagnostics fail validation: any error, or with {@code strict} any warning. */
    public static boolean fails(List<Diagnostic> diagnostics, boolean strict) {
        return diagnostics.stream().anyMatch(d -> d.isError() || strict);
    }
}
