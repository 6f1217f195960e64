package org.rdkzoo.mapperconfigs.experiments;

import java.util.List;

import org.rdkzoo.mapperconfigs.validate.Diagnostic;

/** The config has errors: the build was refused before the toolchain ran. */
public final class ConfigRejectedException extends Exception {
    private final transient List<Diagnostic> diagnostics;

    public ConfigRejectedException(String config, List<Diagnostic> diagnostics) {
        super(config + " has " + diagnostics.stream().filter(Diagnostic::isError).count()
                + " error(s); nothing was run");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Everything the validator found, errors and warnings. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
