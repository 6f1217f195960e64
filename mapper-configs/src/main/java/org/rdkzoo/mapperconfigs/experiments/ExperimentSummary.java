package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.util.Map;

/**
 * One line of the experiment index: what {@code experiments list} shows and a sweep's resume looks up.
 *
 * @param id           experiment id
 * @param label        the user's name, or null
 * @param started      ISO-8601 start
 * @param status       where it stands
 * @param model        model file name
 * @param modelSha256  model SHA-256
 * @param settings     key settings ({@link Experiment#keySettings()})
 * @param outputCosine lowest output cosine, null when none was logged
 * @param runKey       identity of the run (effective config, model, calibration set)
 * @param sweep        settings a sweep set
 * @param owner        the process that ran it
 */
public record ExperimentSummary(String id, String label, String started, ExperimentStatus status, String model,
        String modelSha256, Map<String, String> settings, Double outputCosine, String runKey, Map<String, String> sweep,
        RunOwner owner) {

    /** Whether it says running but its process is gone from {@code thisHost} (see {@link Experiment#isAbandoned}). */
    public boolean isAbandoned(String thisHost) {
        return status == ExperimentStatus.RUNNING && owner != null && owner.goneFrom(thisHost);
    }

    ExperimentSummary withStatus(ExperimentStatus newStatus) {
        return new ExperimentSummary(id, label, started, newStatus, model, modelSha256, settings, outputCosine, runKey,
                sweep, owner);
    }

    static ExperimentSummary of(Experiment e) {
        String modelName = e.model() == null || e.model().path() == null ? null
                : Path.of(e.model().path()).getFileName().toString();
        return new ExperimentSummary(e.id(), e.label(), e.provenance() == null ? null : e.provenance().started(),
                e.status(), modelName, e.model() == null ? null : e.model().sha256(), e.keySettings(),
                e.outputCosine().isPresent() ? e.outputCosine().getAsDouble() : null, e.runKey(), e.sweep(), e.owner());
    }
}
