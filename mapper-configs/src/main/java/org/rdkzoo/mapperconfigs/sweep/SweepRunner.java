package org.rdkzoo.mapperconfigs.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rdkzoo.mapperconfigs.experiments.BuildListener;
import org.rdkzoo.mapperconfigs.experiments.BuildRequest;
import org.rdkzoo.mapperconfigs.experiments.Experiment;
import org.rdkzoo.mapperconfigs.experiments.ExperimentRunner;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStatus;
import org.rdkzoo.mapperconfigs.experiments.ExperimentSummary;
import org.rdkzoo.mapperconfigs.experiments.PreparedBuild;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;

/**
 * Runs a sweep: each combination is validated (the rejected ones are skipped with the reasons), looked up
 * (a combination whose exact run, by effective config, model and calibration hashes, already succeeded
 * is not run again, which is how an interrupted sweep resumes) and the rest run as experiments,
 * {@code jobs} at a time.
 */
public final class SweepRunner {
    /** Hears a sweep's progress. */
    public interface Listener {
        /** The plan: what will run, what was done before, what is skipped. */
        default void planned(List<SweepResult.Point> decided, List<SweepPoint> toRun) {
        }

        /** One combination finished (whatever its status). */
        default void finished(SweepPoint point, Experiment experiment) {
        }

        /** A line from a running toolchain. */
        default void line(SweepPoint point, String line) {
        }
    }

    private final ExperimentRunner runner;
    private final int worstLayers;

    public SweepRunner(ExperimentRunner runner, int worstLayers) {
        this.runner = runner;
        this.worstLayers = worstLayers;
    }

    /**
     * Validates and looks up every combination without running anything. A combination already built
     * successfully is reused; one that a live process on this machine is building now is skipped; one
     * whose earlier run was abandoned (its process died) is built again, and that run then writes the
     * old record as abandoned.
     */
    public Plan plan(Path config, List<SweepPoint> points, Duration timeout, List<String> commandLine) throws IOException {
        List<SweepResult.Point> decided = new ArrayList<>();
        List<PreparedBuild> toRun = new ArrayList<>();
        List<SweepPoint> order = new ArrayList<>();
        Map<SweepPoint, List<String>> abandoned = new LinkedHashMap<>();
        Set<String> planned = new HashSet<>();
        List<ExperimentSummary> recorded = runner.store().list();
        for (SweepPoint p : points) {
            PreparedBuild b = runner.prepare(new BuildRequest(config, null, timeout, p::apply, p.labels(), commandLine));
            if (b.hasErrors()) {
                decided.add(SweepResult.Point.skipped(p, b.errors()));
                continue;
            }
            Optional<ExperimentSummary> done = runner.store().succeeded(b.runKey());
            Optional<ExperimentSummary> running = runner.store().runningHere(b.runKey());
            if (done.isPresent()) {
                decided.add(fromExperiment(p, SweepResult.Fate.DONE_BEFORE, runner.store().read(done.get().id())));
            } else if (running.isPresent()) {
                decided.add(new SweepResult.Point(p, SweepResult.Fate.SKIPPED, running.get().id(), ExperimentStatus.RUNNING,
                        null, List.of(), List.of("experiment " + running.get().id() + " is building it now ("
                                + running.get().owner() + ")")));
            } else if (!planned.add(b.runKey())) {
                decided.add(new SweepResult.Point(p, SweepResult.Fate.SKIPPED, null, null, null, List.of(),
                        List.of("the same run as another combination of this sweep")));
            } else {
                toRun.add(b);
                order.add(p);
                List<String> gone = recorded.stream()
                        .filter(s -> s.status() == ExperimentStatus.ABANDONED && b.runKey().equals(s.runKey()))
                        .map(ExperimentSummary::id).toList();
                if (!gone.isEmpty()) {
                    abandoned.put(p, gone);
                }
            }
        }
        return new Plan(points, decided, toRun, order, abandoned);
    }

    /**
     * A sweep worked out: the decided combinations and those to run.
     *
     * @param points    every combination
     * @param decided   combinations skipped or done before
     * @param toRun     builds to run
     * @param order     their combinations, index for index
     * @param abandoned combinations to run whose earlier experiments were abandoned, with their ids
     */
    public record Plan(List<SweepPoint> points, List<SweepResult.Point> decided, List<PreparedBuild> toRun,
            List<SweepPoint> order, Map<SweepPoint, List<String>> abandoned) {
    }

    /** Runs the plan; when {@code cancel} fires, running builds are stopped and recorded, the rest not started. */
    public SweepResult run(Plan plan, int jobs, CancelToken cancel, Listener listener)
            throws IOException, InterruptedException {
        listener.planned(plan.decided(), plan.order());
        Map<SweepPoint, SweepResult.Point> results = new java.util.concurrent.ConcurrentHashMap<>();
        plan.decided().forEach(d -> results.put(d.point(), d));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "sweep-build");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < plan.toRun().size(); i++) {
                PreparedBuild build = plan.toRun().get(i);
                SweepPoint point = plan.order().get(i);
                futures.add(pool.submit(() -> {
                    if (cancel.isCancelled()) {
                        results.put(point, new SweepResult.Point(point, SweepResult.Fate.NOT_RUN, null, null, null,
                                List.of(), List.of("the sweep was stopped first")));
                        return null;
                    }
                    Experiment e = runner.run(build, cancel, new BuildListener() {
                        @Override
                        public void line(String line) {
                            listener.line(point, line);
                        }
                    });
                    results.put(point, fromExperiment(point, SweepResult.Fate.RAN, e));
                    listener.finished(point, e);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<SweepResult.Point> ordered = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            ordered.add(results.get(p));
        }
        return new SweepResult(ordered);
    }

    private SweepResult.Point fromExperiment(SweepPoint p, SweepResult.Fate fate, Experiment e) {
        Double cosine = e.outputCosine().isPresent() ? e.outputCosine().getAsDouble() : null;
        List<String> reasons = e.message() == null ? List.of() : List.of(e.message());
        return new SweepResult.Point(p, fate, e.id(), e.status(), cosine, e.similarity().worstLayers(worstLayers), reasons);
    }
}
