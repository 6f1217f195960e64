package org.rdkzoo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in so that tests can run the real command
 * line with their own streams, environment and clock. Results go to {@link #out()}, messages and
 * progress to {@link #err()}.
 */
public final class CliContext {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Clock clock;
    private final boolean terminal;
    private volatile boolean verbose;

    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.terminal = terminal;
    }

    /** The process's own streams and environment; a terminal when the JVM has a console. */
    public static CliContext system() {
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv(), Clock.systemUTC(), System.console() != null);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public String env(String name) {
        return env.get(name);
    }

    public Clock clock() {
        return clock;
    }

    /** True when stderr is an interactive terminal: progress bars instead of plain lines. */
    public boolean terminal() {
        return terminal;
    }

    public boolean verbose() {
        return verbose;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    /** The workspace: {@code $RDKZOO_HOME}, else {@code ~/.cache/rdkzoo}. */
    public Path home() {
        String home = env.get("RDKZOO_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "rdkzoo");
    }

    /** Prints a message for the user on stderr, prefixed like every rdkzoo message. */
    public void info(String message) {
        err.println("rdkzoo: " + message);
        err.flush();
    }

    public void warn(String message) {
        err.println("rdkzoo: warning: " + message);
        err.flush();
    }
}
