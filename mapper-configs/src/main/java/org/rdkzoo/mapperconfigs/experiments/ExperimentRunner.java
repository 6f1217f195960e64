package org.rdkzoo.mapperconfigs.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.mapperconfigs.logs.MakertbinLog;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.ToolProcess;
import org.rdkzoo.mapperconfigs.toolchain.Toolchain;

/**
 * Runs {@code hb_mapper makertbin} as a recorded experiment: checks the config, creates the experiment
 * folder (the toolchain's working directory, since hb_mapper writes its log to the current directory),
 * writes the config it will run, streams the output to {@code console.log} and a listener, then reads
 * the log and the artifacts into {@code experiment.json}. Whatever ends the run (success, failure,
 * timeout, cancellation) the record is written with that status and the logs are kept.
 */
public final class ExperimentRunner {
    /** The config file hb_mapper is given, in the experiment folder. */
    public static final String TOOLCHAIN_CONFIG = "effective-config.yaml";
    public static final String CONFIG_COPY = "config.yaml";
    public static final String CONSOLE = "console.log";
    public static final String LOG = "hb_mapper_makertbin.log";

    private final ExperimentStore store;
    private final Toolchain toolchain;
    private final ConfigCheck check;
    private final Map<String, String> env;
    private final Clock clock;
    private final ToolProcess process;
    private final Map<String, String> modelHashes = new ConcurrentHashMap<>();

    public ExperimentRunner(ExperimentStore store, Toolchain toolchain, ConfigCheck check, Map<String, String> env,
            Clock clock, Duration killGrace) {
        this.store = store;
        this.toolchain = toolchain;
        this.check = check;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.process = new ToolProcess(clock, killGrace);
    }

    public ExperimentStore store() {
        return store;
    }

    /** Checks and refuses a config with errors, then runs it. */
    public Experiment build(BuildRequest request, CancelToken cancel, BuildListener listener)
            throws IOException, ConfigRejectedException {
        PreparedBuild p = prepare(request);
        if (p.hasErrors()) {
            throw new ConfigRejectedException(request.config().toString(), p.problems());
        }
        return run(p, cancel, listener);
    }

    /** Works out the effective config and the run's identity, without running anything. */
    public PreparedBuild prepare(BuildRequest request) throws IOException {
        Path configFile = request.config().toAbsolutePath().normalize();
        Path base = configFile.getParent();
        MapperYaml c = MapperYaml.read(configFile);
        for (Map.Entry<String, Object> s : request.settings().entrySet()) {
            String key = s.getKey();
            int dot = key.indexOf('.');
            c = s.getValue() == null ? c.without(key.substring(0, dot), key.substring(dot + 1))
                    : c.with(key.substring(0, dot), key.substring(dot + 1), s.getValue());
        }
        if (!request.nodeInfo().isEmpty()) {
            c = c.withNodeInfo(request.nodeInfo());
        }
        // hb_mapper resolves relative paths against its working directory, which is the experiment folder:
        // make the inputs absolute (against the config's folder, as the user meant them).
        String onnx = c.get("model_parameters", "onnx_model");
        Path model = onnx == null ? null : base.resolve(onnx).normalize();
        if (model != null) {
            c = c.with("model_parameters", "onnx_model", model.toString());
        }
        String cal = c.get("calibration_parameters", "cal_data_dir");
        String type = c.get("calibration_parameters", "calibration_type");
        boolean needsCalibration = type == null || !(type.equals("skip") || type.equals("load"));
        Path calDir = cal == null || !needsCalibration ? null : base.resolve(cal).normalize();
        if (calDir != null) {
            c = c.with("calibration_parameters", "cal_data_dir", calDir.toString());
        }
        c = c.with("model_parameters", "working_dir", workingDir(c.get("model_parameters", "working_dir")));

        List<ConfigCheck.Problem> problems = check.check(c, configFile);
        String modelSha = model != null && Files.isRegularFile(model) ? modelHash(model) : null;
        CalibrationFingerprint fp = calDir != null && Files.isDirectory(calDir) ? CalibrationFingerprint.of(calDir) : null;
        String configHash = c.contentHash();
        String runKey = Sha256.of(configHash + "|" + modelSha + "|" + (fp == null ? "-" : fp.sha256()));
        return new PreparedBuild(request, c, problems, model, calDir, modelSha, fp, configHash, runKey);
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
        MapperYaml seen = p.effective().with("model_parameters", "onnx_model", launch.path(p.model()));
        if (p.calibration() != null) {
            seen = seen.with("calibration_parameters", "cal_data_dir", launch.path(p.calibration()));
        }
        Files.writeString(dir.resolve(TOOLCHAIN_CONFIG), seen.toYaml(), StandardCharsets.UTF_8);
        List<String> argv = launch.command(List.of("makertbin", "--config", launch.path(dir.resolve(TOOLCHAIN_CONFIG)),
                "--model-type", "onnx"));

        Provenance provenance = Provenance.start(clock, request.commandLine(), Map.of());
        Experiment.Config config = new Experiment.Config(request.config().toAbsolutePath().toString(),
                Sha256.of(request.config()), CONFIG_COPY, p.effective().tree(), p.configHash(), TOOLCHAIN_CONFIG,
                p.effective().flatten());
        Experiment exp = new Experiment(Experiment.SCHEMA, id, request.label(), ExperimentStatus.RUNNING, null, null,
                new Experiment.Model(p.model().toString(), p.modelSha256()), config, p.calibrationFingerprint(),
                new Experiment.ToolchainInfo(toolchain.kind(), toolchain.describe(), launch.mounts(), Map.of()), argv,
                provenance, null, null, List.of(), List.of(), List.of(), request.sweep(), p.runKey());
        store.save(exp);
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
        String workingDir = p.effective().get("model_parameters", "working_dir");
        List<Artifact> artifacts = Artifact.collect(dir, dir.resolve(workingDir),
                p.effective().get("model_parameters", "output_model_file_prefix"));

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
                log.outputs(), artifacts, request.sweep(), p.runKey());
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
