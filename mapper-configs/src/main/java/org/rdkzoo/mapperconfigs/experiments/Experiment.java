package org.rdkzoo.mapperconfigs.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;
import org.rdkzoo.evaluator.similarity.SimilarityTable;
import org.rdkzoo.mapperconfigs.logs.MakertbinLog;

/**
 * One {@code hb_mapper makertbin} run and everything needed to trust, repeat and compare it: the
 * document {@code experiment.json} in the experiment's folder.
 *
 * @param schema      {@value #SCHEMA}
 * @param id          sortable id: UTC start time and a short hash ({@code 20250314-100001-3f9a2c})
 * @param label       the user's name for it ({@code --name}), or null
 * @param status      where it stands
 * @param message     why it failed or stopped, or null
 * @param exitCode    hb_mapper's exit status (the docker client's with docker), null if it never ran
 * @param model       the ONNX model and its SHA-256
 * @param config      the config: source, copy, content hash, the effective config and its settings
 * @param calibration the calibration set's fingerprint, null when the config needs none
 * @param toolchain   docker or local, image and digest, mounts, versions from the log
 * @param command     the argument list that ran
 * @param provenance  rdkzoo's provenance record: version, host, start, end, rdkzoo command line
 * @param seconds     how long the toolchain ran
 * @param log         what the makertbin log said besides the tables
 * @param layers      the per-layer table
 * @param outputs     the output similarities
 * @param artifacts   the files produced, with SHA-256
 * @param sweep       the settings a sweep set for this run (empty outside sweeps)
 * @param runKey      hash of effective config, model and calibration set: equal keys mean the same run
 * @param owner       the process that ran it, to tell a {@code running} record whose process died
 *                    ({@link ExperimentStatus#ABANDONED}); null in records made before it was kept
 */
public record Experiment(
        String schema,
        String id,
        String label,
        ExperimentStatus status,
        String message,
        Integer exitCode,
        Model model,
        Config config,
        CalibrationFingerprint calibration,
        ToolchainInfo toolchain,
        List<String> command,
        Provenance provenance,
        Double seconds,
        LogSummary log,
        List<LayerSimilarity> layers,
        List<OutputSimilarity> outputs,
        List<Artifact> artifacts,
        Map<String, String> sweep,
        String runKey,
        RunOwner owner) {

    public static final String SCHEMA = "rdkzoo.experiment/1";
    public static final String FILE = "experiment.json";

    public Experiment {
        command = command == null ? List.of() : List.copyOf(command);
        layers = layers == null ? List.of() : List.copyOf(layers);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        sweep = sweep == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
    }

    /** @param path absolute path when it ran; @param sha256 its SHA-256 */
    public record Model(String path, String sha256) {
    }

    /**
     * @param source       the user's config file
     * @param sourceSha256 SHA-256 of its bytes
     * @param copy         the byte-for-byte copy in the experiment folder
     * @param effective    the config rdkzoo derived (sweep settings applied, paths absolute on the host),
     *                     also written as {@code effective-config.yaml}
     * @param hash         SHA-256 of {@code effective-config.yaml} below its header comment
     * @param toolchainFile the file hb_mapper read: {@code effective-config.yaml}, or with Docker
     *                     {@code toolchain-config.yaml} (the same config with the container's paths)
     * @param settings     {@code effective} flattened to {@code group.key -> value}
     */
    public record Config(String source, String sourceSha256, String copy, Map<String, Object> effective, String hash,
            String toolchainFile, Map<String, String> settings) {
    }

    /**
     * @param kind     {@code docker} or {@code local}
     * @param details  image, image id and digest, or the hb_mapper path
     * @param mounts   host folder to the path the toolchain saw
     * @param versions {@code hb_mapper}, {@code hbdk}, {@code horizon_nn}... from the log header
     */
    public record ToolchainInfo(String kind, Map<String, String> details, Map<String, String> mounts,
            Map<String, String> versions) {
    }

    /**
     * @param file               hb_mapper's own log, relative to the experiment folder
     * @param console            the streamed stdout/stderr
     * @param format             {@code NEWER}, {@code OLDER} or {@code NONE}
     * @param calibrationMethod  what the default search selected
     * @param calibrationSamples samples read
     * @param estimate           the compiler's static estimate
     * @param parameters         the parameters it echoed
     * @param errors             ERROR messages
     */
    public record LogSummary(String file, String console, String format, String calibrationMethod,
            Integer calibrationSamples, MakertbinLog.CompileEstimate estimate, Map<String, String> parameters,
            List<String> errors) {
    }

    /**
     * Whether this record says {@code running} but its owner is known to be gone from {@code thisHost}
     * (see {@link RunOwner#goneFrom}): nobody will ever write its end.
     */
    public boolean isAbandoned(String thisHost) {
        return status == ExperimentStatus.RUNNING && owner != null && owner.goneFrom(thisHost);
    }

    /** This record as {@link ExperimentStatus#ABANDONED}, saying why (and {@code more}, if not null). */
    public Experiment abandoned(String more) {
        String why = "the process that ran it (" + owner + ") ended without recording an end (killed, crashed or "
                + "the machine stopped); the toolchain may have gone on" + (more == null ? "" : "; " + more);
        return new Experiment(schema, id, label, ExperimentStatus.ABANDONED, why, exitCode, model, config, calibration,
                toolchain, command, provenance, seconds, log, layers, outputs, artifacts, sweep, runKey, owner);
    }

    /** The lowest output cosine, the figure experiments are ranked by. */
    public OptionalDouble outputCosine() {
        return similarity().minOutputCosine();
    }

    /** This experiment as a similarity report, to diff against another experiment or a simulation. */
    public SimilarityTable similarity() {
        return new SimilarityTable(id, "hb_mapper", config == null ? Map.of() : config.settings(), layers, outputs);
    }

    /** The settings worth a column in a list: calibration type, percentile, per-channel, int16 nodes. */
    public Map<String, String> keySettings() {
        Map<String, String> s = config == null ? Map.of() : config.settings();
        Map<String, String> key = new LinkedHashMap<>();
        key.put("calibration_type", s.getOrDefault("calibration_parameters.calibration_type", "default"));
        putIfPresent(key, "max_percentile", s.get("calibration_parameters.max_percentile"));
        putIfPresent(key, "per_channel", s.get("calibration_parameters.per_channel"));
        putIfPresent(key, "optimization", s.get("calibration_parameters.optimization"));
        long int16 = s.entrySet().stream()
                .filter(e -> e.getKey().startsWith("model_parameters.node_info.") && e.getValue().contains("int16"))
                .count();
        if (int16 > 0) {
            key.put("int16_nodes", Long.toString(int16));
        }
        return key;
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
