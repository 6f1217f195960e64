package org.rdkzoo.mapperconfigs.toolchain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.rdkzoo.mapperconfigs.logs.CheckerLog;

/**
 * Runs {@code hb_mapper checker --model-type onnx --march bayes-e --model M [--input-shape NAME SHAPE]...}
 * in a folder of its own (the checker writes {@code hb_mapper_checker.log} to its working directory) and
 * reads the node table.
 */
public final class CheckRunner {
    public static final String LOG = "hb_mapper_checker.log";

    /**
     * @param model    the model checked
     * @param folder   where the checker ran and left its log
     * @param exitCode the checker's exit status
     * @param log      what the log (or, without one, the console) said
     * @param command  the argument list that ran
     */
    public record Result(Path model, Path folder, int exitCode, CheckerLog log, List<String> command) {
        public boolean succeeded() {
            return exitCode == 0 && log.errors().isEmpty() && !log.nodes().isEmpty();
        }
    }

    private final Toolchain toolchain;
    private final Map<String, String> env;
    private final ToolProcess process;

    public CheckRunner(Toolchain toolchain, Map<String, String> env, Clock clock) {
        this.toolchain = toolchain;
        this.env = Map.copyOf(env);
        this.process = new ToolProcess(clock);
    }

    /** Checks {@code model}; {@code inputShapes} maps input names to {@code NxCxHxW}. */
    public Result check(Path model, Map<String, String> inputShapes, Path folder, Duration timeout, CancelToken cancel,
            Consumer<String> lines) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path m = model.toAbsolutePath().normalize();
        Toolchain.Launch launch = toolchain.prepare(folder, Map.of("model", m.getParent()),
                "rdkzoo-check-" + folder.getFileName());
        List<String> args = new ArrayList<>(List.of("checker", "--model-type", "onnx", "--march", "bayes-e",
                "--model", launch.path(m)));
        inputShapes.forEach((name, shape) -> args.addAll(List.of("--input-shape", name, shape)));
        List<String> argv = launch.command(args);
        ToolProcess.Outcome outcome;
        try (BufferedWriter console = Files.newBufferedWriter(folder.resolve("console.log"), StandardCharsets.UTF_8)) {
            outcome = process.run(new ToolProcess.Command(argv, folder, env), line -> {
                try {
                    console.write(line);
                    console.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lines.accept(line);
            }, timeout, cancel, launch::stop);
        }
        Path log = Files.isRegularFile(folder.resolve(LOG)) ? folder.resolve(LOG) : folder.resolve("console.log");
        int exit = outcome.exitCode() == null ? -1 : outcome.ending() == ToolProcess.Ending.EXITED ? outcome.exitCode() : -1;
        return new Result(m, folder, exit, CheckerLog.parse(log), argv);
    }
}
