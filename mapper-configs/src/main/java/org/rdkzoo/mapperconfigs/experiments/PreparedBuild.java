package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * A build worked out but not run: the effective config (settings applied, paths absolute), what the
 * check found, and the hashes that identify the run, so a sweep can skip what is invalid or done.
 *
 * @param request     what was asked
 * @param effective   the config as it will run, host paths
 * @param problems    what the config check found
 * @param model       the ONNX model
 * @param calibration the calibration folder, null when the config needs none
 * @param modelSha256 the model's SHA-256
 * @param calibrationFingerprint the calibration set's identity, null when none
 * @param configHash  canonical hash of {@code effective}
 * @param runKey      hash of config, model and calibration set together
 */
public record PreparedBuild(BuildRequest request, MapperYaml effective, List<ConfigCheck.Problem> problems, Path model,
        Path calibration, String modelSha256, CalibrationFingerprint calibrationFingerprint, String configHash,
        String runKey) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(ConfigCheck.Problem::error);
    }

    public List<ConfigCheck.Problem> errors() {
        return problems.stream().filter(ConfigCheck.Problem::error).toList();
    }
}
