package org.rdkzoo.mapperconfigs.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.Position;
import org.rdkzoo.mapperconfigs.config.Section;

/**
 * What a check sees: the config, the options, and a sink for diagnostics that knows where each key
 * and value sits in the file. Also holds the ONNX model once a check has opened it, so that later
 * checks (node names, calibration sizes) share it.
 */
public final class CheckContext {
    private final MapperConfig config;
    private final ValidationOptions options;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private OnnxModel model;
    private boolean modelTried;

    CheckContext(MapperConfig config, ValidationOptions options) {
        this.config = config;
        this.options = options;
    }

    public MapperConfig config() {
        return config;
    }

    public ValidationOptions options() {
        return options;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The folder relative paths resolve against: the config's own, or the options' base. */
    public Path baseDir() {
        return config.source().baseDir().orElse(options.baseDir());
    }

    public Optional<Path> resolve(ConfigKey key) {
        return config.resolvedPath(key, options.baseDir());
    }

    /** The model, when a check has read it successfully. */
    public Optional<OnnxModel> model() {
        return Optional.ofNullable(model);
    }

    boolean modelTried() {
        return modelTried;
    }

    void model(OnnxModel model) {
        this.modelTried = true;
        this.model = model;
    }

    /** A finding about a key's value (at the value, or at the section when the key is absent). */
    public void report(Severity severity, ConfigKey key, String message, Object found, String allowed) {
        add(severity, List.of(key.section().yamlName(), key.yamlName()), true, message, found, allowed);
    }

    public void error(ConfigKey key, String message, Object found, String allowed) {
        report(Severity.ERROR, key, message, found, allowed);
    }

    public void warning(ConfigKey key, String message, Object found, String allowed) {
        report(Severity.WARNING, key, message, found, allowed);
    }

    /**
     * A finding at any path ({@code [section]}, {@code [section, key]}, {@code [section, key, node]}).
     *
     * @param atValue point at the value rather than the key
     */
    public void add(Severity severity, List<String> path, boolean atValue, String message, Object found, String allowed) {
        Position p = Position.NONE;
        for (int n = path.size(); n > 0 && !p.known(); n--) {
            List<String> prefix = path.subList(0, n);
            Position value = config.source().values().get(prefix);
            Position key = config.source().keys().get(prefix);
            p = atValue && n == path.size() && value != null ? value : key != null ? key : Position.NONE;
        }
        diagnostics.add(new Diagnostic(severity, config.source().file(), p.line(), p.column(), String.join(".", path),
                message, found == null ? null : Found.text(found), allowed));
    }

    /** "did you mean 'x'?" for a message, or empty. */
    public static String didYouMean(String wanted, Collection<String> candidates) {
        return DidYouMean.suggest(wanted, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** The section's keys and values, if it is a mapping. */
    public Optional<Map<String, Object>> section(Section section) {
        return config.section(section);
    }
}
