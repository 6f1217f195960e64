package org.rdkzoo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process with captured streams and a private RDKZOO_HOME. */
public final class CliRunner {
    private final Map<String, String> env = new HashMap<>();

    public CliRunner(Path home) {
        env.put("RDKZOO_HOME", home.toString());
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.systemUTC(), false);
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
    }
}
