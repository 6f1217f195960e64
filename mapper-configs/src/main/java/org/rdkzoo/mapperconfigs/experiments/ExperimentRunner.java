package org.rdkzoo.mapperconfigs.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.MapperConfigWriter;
import org.rdkzoo.mapperconfigs.logs.MakertbinLog;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.ToolProcess;
import org.rdkzoo.mapperconfigs.toolchain.Toolchain;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.ValidationOptions;

/**
 * Runs {@code hb_mapper makertbin} as a recorded experiment: validates the config, creates the
 * experiment folder (the toolchain's working directory, since hb_mapper writes its log to the current
 * directory), writes the config it will run, streams the output to {@code console.log} and a listener,
 * then reads the log and the artifacts into {@code experiment.json}. Whatever ends the run (success,
 * failure, timeout, cancellation) the record is written with that status and the logs are kept.
 *
 * <p>The folder holds {@code config.yaml} (the user's file, byte for byte) and
 * {@code effective-config.yaml} (changes applied, paths absolute on the host, written by
 * {@link MapperConfigWriter}); the SHA-256 of the latter below its header comment is the config hash
 * that, with the model's and calibration set's, identifies the run. When the toolchain sees other
 * paths (a container), hb_mapper reads {@code toolchain-config.yaml}, the same config with its paths.
 */
public final class ExperimentRunner {
    /** The effective config, host paths. */
    public static final String EFFECTIVE_CONFIG = "effective-config.yaml";
    /** The effective config with the paths a container sees, when they differ from the host's. */
    public static final String TOOLCHAIN_CONFIG = "toolchain-config.yaml";
    public static final String CONFIG_COPY = "config.yaml";
    public static final String CONSOLE = "console.log";
    public static final String LOG = "hb_mapper_makertbin.log";

    private final ExperimentStore store;
    private final Toolchain toolchain;
    private final Map<String, String> env;
    private final Clock clock;
    private final ToolProcess process;
    private final Map<String, String> modelHashes = new ConcurrentHashMap<>();

    public ExperimentRunner(ExperimentStore store, Toolchain toolchain, Map<String, String> env, Clock clock,
            Duration killGrace) {
        this.store = store;
        this.toolchain = toolchain;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.process = new ToolProcess(clock, killGrace);
    }

    public ExperimentStore store() {
        return store;
    }

    /** Validates and refuses a config with errors, then runs it. */
    public Experiment build(BuildRequest request, CancelToken cancel, BuildListener listener)
            throws IOException, ConfigRejectedException {
        PreparedBuild p = prepare(request);
        if (p.hasErrors()) {
            throw new ConfigRejectedException(request.config().toString(), p.diagnostics());
        }
        return run(p, cancel, listener);
    }

    /**
     * Works out the effective config and the run's identity, without running anything. The config is
     * validated as {@code mapper validate} does (files included), after the request's changes and
     * before paths are made absolute, so diagnostics point at the user's file and words.
     *
     * @throws org.rdkzoo.mapperconfigs.config.ConfigFormatException when the file is not a config at all
     */
    public PreparedBuild prepare(BuildRequest request) throws IOException {
        Path configFile = request.config().toAbsolutePath().normalize();
        Path base = configFile.getParent();
        // Read under the name the user gave, so that diagnostics name the file as mapper validate does.
        MapperConfig c = request.changes().apply(MapperConfigReader.read(request.config()));
        List<Diagnostic> diagnostics = ConfigValidator.validate(c, ValidationOptions.defaults().withBaseDir(base));
        // hb_mapper resolves relative paths against its working directory, which is the experiment folder:
        // make the inputs absolute (against the config's folder, as the user meant them).
        Path model = c.resolvedPath(ConfigKey.ONNX_MODEL, base).orElse(null);
        if (model != null) {
            c = c.with(ConfigKey.ONNX_MODEL, model.toString());
        }
        String type = c.calibrationType();
        boolean needsCalibration = !(type.equals("skip") || type.equals("load"));
        Path calDir = needsCalibration ? c.resolvedPath(ConfigKey.CAL_DATA_DIR, base).orElse(null) : null;
        if (calDir != null) {
            c = c.with(ConfigKey.CAL_DATA_DIR, calDir.toString());
        }
        c = c.with(ConfigKey.WORKING_DIR, workingDir(c.string(ConfigKey.WORKING_DIR).orElse(null)));

        String modelSha = model != null && Files.isRegularFile(model) ? modelHash(model) : null;
        CalibrationFingerprint fp = calDir != null && Files.isDirectory(calDir) ? CalibrationFingerprint.of(calDir) : null;
        String configHash = Sha256.of(MapperConfigWriter.body(c));
        String runKey = Sha256.of(configHash + "|" + modelSha + "|" + (fp == null ? "-" : fp.sha256()));
        return new PreparedBuild(request, c, diagnostics, model, calDir, modelSha, fp, configHash, runKey);
    }

    /** hb_mapper writes working_dir; keep it inside the experiment folder whatever the user wrote. */
    static String workingDir(String configured) {
        if (configured == null || configured.isBlank()) {
            return "model_output";
        }
        Path p = Path.of(configured).normalize();
        if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            Path name = p.getFileName();
            return name == null || name.toString().equals("..") ? "model_output" : name.toString();
        }
        return p.toString();
    }

    /** Runs a prepared build to its end and returns the final record. */
    public Experiment run(PreparedBuild p, CancelToken cancel, BuildListener listener) throws IOException {
        BuildRequest request = p.request();
        String id = ExperimentStore.newId(clock, p.runKey());
        Path dir = store.create(id);
        Files.copy(request.config(), dir.resolve(CONFIG_COPY));

        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("model", p.model().getParent());
        if (p.calibration() != null) {
            inputs.put("calibration", p.calibration());
        }
        Toolchain.Launch launch = toolchain.prepare(dir, inputs, "rdkzoo-" + id);
        MapperConfig seen = p.effective().with(ConfigKey.ONNX_MODEL, launch.path(p.model()));
        if (p.calibration() != null) {
            seen = seen.with(ConfigKey.CAL_DATA_DIR, launch.path(p.calibration()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String from = request.config().toAbsolutePath() + (request.sweep().isEmpty() ? ""
                : " with " + String.join(", ", request.sweep().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()));
        MapperConfigWriter.write(p.effective(), new MapperConfigWriter.Header(from, now, List.of(
                "Experiment " + id + ": paths are absolute on this host.",
                "Config hash (SHA-256 of the lines below this comment): " + p.configHash())), dir.resolve(EFFECTIVE_CONFIG));
        String toolchainFile = EFFECTIVE_CONFIG;
        if (!seen.equals(p.effective())) {
            toolchainFile = TOOLCHAIN_CONFIG;
            // No host path in this file, not even in the comment: the container has no business with them.
            MapperConfigWriter.write(seen, new MapperConfigWriter.Header(EFFECTIVE_CONFIG + " of experiment " + id, now,
                    List.of("The same config with the paths the toolchain sees.")), dir.resolve(TOOLCHAIN_CONFIG));
        }
        List<String> argv = launch.command(List.of("makertbin", "--config", launch.path(dir.resolve(toolchainFile)),
                "--model-type", "onnx"));

        Provenance provenance = Provenance.start(clock, request.commandLine(), Map.of());
        Experiment.Config config = new Experiment.Config(request.config().toAbsolutePath().toString(),
                Sha256.of(request.config()), CONFIG_COPY, p.effective().document(), p.configHash(), toolchainFile,
                p.effective().flatten());
        Experiment exp = new Experiment(Experiment.SCHEMA, id, request.label(), ExperimentStatus.RUNNING, null, null,
                new Experiment.Model(p.model().toString(), p.modelSha256()), config, p.calibrationFingerprint(),
                new Experiment.ToolchainInfo(toolchain.kind(), toolchain.describe(), launch.mounts(), Map.of()), argv,
                provenance, null, null, List.of(), List.of(), List.of(), request.sweep(), p.runKey(), RunOwner.current());
        store.save(exp);
        // This run takes over from earlier runs of the same configuration whose process died: say so in their records.
        store.settleAbandoned(p.runKey(), "run again as " + id);
        listener.started(exp);

        ToolProcess.Outcome outcome = null;
        String failure = null;
        try (BufferedWriter console = Files.newBufferedWriter(dir.resolve(CONSOLE), StandardCharsets.UTF_8)) {
            outcome = process.run(new ToolProcess.Command(argv, dir, env), line -> {
                try {
                    synchronized (console) {
                        console.write(line);
                        console.write('\n');
                        console.flush(); // a killed JVM still leaves the output so far
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                listener.line(line);
            }, request.timeout(), cancel, launch::stop);
        } catch (IOException e) {
            failure = "could not run the toolchain: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new ToolProcess.Outcome(ToolProcess.Ending.CANCELLED, null, Duration.ZERO);
        }

        Path logFile = Files.isRegularFile(dir.resolve(LOG)) ? dir.resolve(LOG) : dir.resolve(CONSOLE);
        MakertbinLog log = Files.isRegularFile(logFile) ? MakertbinLog.parse(logFile) : MakertbinLog.parse("");
        List<Artifact> artifacts = Artifact.collect(dir, dir.resolve(p.effective().workingDir()),
                p.effective().outputModelFilePrefix().orElse(null));

        ExperimentStatus status;
        String message;
        if (failure != null) {
            status = ExperimentStatus.FAILED;
            message = failure;
        } else if (outcome.ending() == ToolProcess.Ending.CANCELLED) {
            status = ExperimentStatus.INTERRUPTED;
            message = "interrupted; the toolchain was stopped";
        } else if (outcome.ending() == ToolProcess.Ending.TIMED_OUT) {
            status = ExperimentStatus.TIMED_OUT;
            message = "stopped after the timeout of " + request.timeout();
        } else if (outcome.exitCode() == 0 && log.succeeded()) {
            status = ExperimentStatus.SUCCEEDED;
            message = null;
        } else {
            status = ExperimentStatus.FAILED;
            String why = log.failureSummary();
            message = outcome.exitCode() == 0
                    ? "hb_mapper exited 0 but its log has no success marker" + (why.isEmpty() ? "" : ": " + why)
                    : "hb_mapper exited with status " + outcome.exitCode() + (why.isEmpty() ? "" : ": " + why);
        }

        Provenance done = provenance.finish(clock);
        for (Map.Entry<String, String> v : log.versions().entrySet()) {
            done = done.withVersion(v.getKey(), v.getValue());
        }
        if (toolchain.describe().containsKey("image")) {
            done = done.withVersion("oe_image", toolchain.describe().get("image"));
        }
        Experiment.LogSummary summary = new Experiment.LogSummary(Files.isRegularFile(dir.resolve(LOG)) ? LOG : null,
                CONSOLE, log.format().name(), log.calibrationMethod(), log.calibrationSamples(), log.estimate(),
                log.parameters(), log.errors());
        Experiment result = new Experiment(Experiment.SCHEMA, id, request.label(), status, message,
                outcome == null ? null : outcome.exitCode(), exp.model(), config, p.calibrationFingerprint(),
                new Experiment.ToolchainInfo(toolchain.kind(), toolchain.describe(), launch.mounts(), log.versions()),
                argv, done, outcome == null ? null : outcome.elapsed().toMillis() / 1000.0, summary, log.layers(),
                log.outputs(), artifacts, request.sweep(), p.runKey(), exp.owner());
        store.save(result);
        listener.finished(result);
        return result;
    }

    private String modelHash(Path model) throws IOException {
        String key = model + "|" + Files.size(model) + "|" + Files.getLastModifiedTime(model).toMillis();
        String cached = modelHashes.get(key);
        if (cached == null) {
            cached = Sha256.of(model);
            modelHashes.put(key, cached);
        }
        return cached;
    }
}
