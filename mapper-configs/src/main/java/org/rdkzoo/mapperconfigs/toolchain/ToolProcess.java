package org.rdkzoo.mapperconfigs.toolchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one external program from an argument list (never through a shell, so names with spaces, quotes
 * or {@code $} reach it unchanged), streams its merged stdout and stderr line by line, and stops it and
 * every process it started when the time is up or the work is cancelled.
 */
public final class ToolProcess {
    /** How long a stopped process tree gets to exit after SIGTERM before it is killed. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /**
     * What to run.
     *
     * @param argv program (absolute path) and arguments
     * @param cwd  working directory
     * @param env  variables set on top of the JVM's environment
     */
    public record Command(List<String> argv, Path cwd, Map<String, String> env) {
        public Command {
            argv = List.copyOf(argv);
            env = Map.copyOf(env);
            Objects.requireNonNull(cwd, "cwd");
        }
    }

    /** How the process ended. */
    public enum Ending {
        /** It exited by itself; see the exit code. */
        EXITED,
        /** The timeout stopped it. */
        TIMED_OUT,
        /** A cancellation stopped it (or it never started). */
        CANCELLED
    }

    /**
     * @param ending   how it ended
     * @param exitCode the exit status, or {@code null} when it never started
     * @param elapsed  wall time from start to end
     */
    public record Outcome(Ending ending, Integer exitCode, Duration elapsed) {
    }

    private final Clock clock;
    private final Duration grace;

    public ToolProcess(Clock clock) {
        this(clock, DEFAULT_GRACE);
    }

    public ToolProcess(Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Runs {@code command} to its end. {@code beforeStop} runs first whenever the process must be stopped
     * (to stop what the tree cannot reach, such as a container); a {@code null} timeout means none.
     */
    public Outcome run(Command command, Consumer<String> lines, Duration timeout, CancelToken cancel,
            Runnable beforeStop) throws IOException, InterruptedException {
        Instant start = clock.instant();
        if (cancel.isCancelled()) {
            return new Outcome(Ending.CANCELLED, null, Duration.ZERO);
        }
        ProcessBuilder pb = new ProcessBuilder(command.argv())
                .directory(command.cwd().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(command.env());
        Process process = pb.start();
        process.getOutputStream().close(); // the toolchain never reads stdin; EOF beats a hang
        Thread pump = new Thread(() -> pump(process, lines), "tool-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();

        Stopper stopper = new Stopper(process, beforeStop, grace);
        Ending ending = Ending.EXITED;
        try (CancelToken.Registration r = cancel.onCancel(stopper::stop)) {
            boolean exited = timeout == null ? waitForever(process) : process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                ending = Ending.TIMED_OUT;
                stopper.stop();
            }
            process.waitFor();
            stopper.awaitStopped();
        } catch (InterruptedException e) {
            stopper.stop();
            stopper.awaitStopped();
            throw e;
        }
        if (cancel.isCancelled() && ending == Ending.EXITED && stopper.used()) {
            ending = Ending.CANCELLED;
        }
        // Descendants that outlive a normal exit could hold the pipe open; do not wait for them forever.
        pump.join(2000);
        return new Outcome(ending, process.exitValue(), Duration.between(start, clock.instant()));
    }

    private static boolean waitForever(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    private static void pump(Process process, Consumer<String> lines) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the stream closes under us when the process is killed: nothing more to read
        }
    }

    /** Stops a process tree once: the caller's action first, then SIGTERM, then SIGKILL after the grace. */
    private static final class Stopper {
        private final Process process;
        private final Runnable beforeStop;
        private final Duration grace;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private boolean started;

        Stopper(Process process, Runnable beforeStop, Duration grace) {
            this.process = process;
            this.beforeStop = beforeStop;
            this.grace = grace;
        }

        synchronized boolean used() {
            return started;
        }

        void stop() {
            synchronized (this) {
                if (started) {
                    return;
                }
                started = true;
            }
            try {
                if (beforeStop != null) {
                    beforeStop.run();
                }
                destroyTree(process.toHandle(), grace);
            } finally {
                done.countDown();
            }
        }

        void awaitStopped() throws InterruptedException {
            synchronized (this) {
                if (!started) {
                    return;
                }
            }
            done.await();
        }
    }

    /**
     * Terminates {@code root} and all its descendants: SIGTERM to each, then SIGKILL to those still alive
     * after {@code grace}. Descendants are listed before anything is signalled, since once their parent
     * dies they are re-parented and no longer reachable from it.
     */
    static void destroyTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        for (ProcessHandle p : tree) {
            p.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // still alive: killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Children started during the grace period are caught by a second listing.
        List<ProcessHandle> late = new ArrayList<>(root.descendants().toList());
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : late) {
            p.destroyForcibly();
        }
    }
}
