package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.util.List;

import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;

/**
 * A build worked out but not run: the effective config (changes applied, paths absolute), what the
 * validator found, and the hashes that identify the run, so a sweep can skip what is invalid or done.
 *
 * @param request     what was asked
 * @param effective   the config as it will run, host paths
 * @param diagnostics what the validator found (errors refuse the build)
 * @param model       the ONNX model
 * @param calibration the calibration folder, null when the config needs none
 * @param modelSha256 the model's SHA-256
 * @param calibrationFingerprint the calibration set's identity, null when none
 * @param configHash  SHA-256 of {@code effective} as the config writer writes it (below its header)
 * @param runKey      hash of config, model and calibration set together
 */
public record PreparedBuild(BuildRequest request, MapperConfig effective, List<Diagnostic> diagnostics, Path model,
        Path calibration, String modelSha256, CalibrationFingerprint calibrationFingerprint, String configHash,
        String runKey) {

    public PreparedBuild {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return ConfigValidator.fails(diagnostics, false);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
