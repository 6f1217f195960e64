package org.rdkzoo.mapperconfigs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.mapperconfigs.experiments.Experiment;
import org.rdkzoo.mapperconfigs.experiments.ExperimentRunner;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStatus;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStore;
import org.rdkzoo.mapperconfigs.experiments.RunOwner;
import org.rdkzoo.mapperconfigs.standin.Workbench;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainLocator;

class SweepRunnerTest {
    @TempDir
    Path tmp;

    private SweepRunner sweeper(Workbench w) throws Exception {
        ExperimentRunner runner = new ExperimentRunner(new ExperimentStore(w.workspace()),
                new ToolchainLocator(w.env()).locate(ToolchainLocator.Choice.LOCAL, null), w.env(), Clock.systemUTC(),
                Duration.ofSeconds(2));
        return new SweepRunner(runner, 3);
    }

    @Test
    void skipsTheCombinationsTheValidatorRejectsSayingWhyAndRanksTheRest() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        SweepRunner s = sweeper(w);
        List<SweepPoint> points = new SweepGrid().set("calibration_type=default,max").set("max_percentile=-,0.9999").expand();
        SweepRunner.Plan plan = s.plan(w.config(), points, null, List.of());
        SweepResult r = s.run(plan, 2, new CancelToken(), new SweepRunner.Listener() { });

        assertEquals(1, r.count(SweepResult.Fate.SKIPPED));
        SweepResult.Point skipped = r.points().get(1);
        assertEquals(SweepResult.Fate.SKIPPED, skipped.fate());
        assertEquals(List.of("max_percentile is used only with calibration_type max"), skipped.reasons());
        assertEquals(3, r.count(SweepResult.Fate.RAN));
        List<SweepResult.Point> ranked = r.ranked();
        assertEquals(3, ranked.size());
        assertTrue(ranked.get(0).outputCosine() >= ranked.get(1).outputCosine()
                && ranked.get(1).outputCosine() >= ranked.get(2).outputCosine());
        assertEquals(3, ranked.get(0).worstLayers().size());
        assertEquals(3, w.standIns().invocations("hb_mapper", "makertbin").size());
    }

    @Test
    void aSweepStoppedAfterTwoBuildsResumesWithOnlyTheOthers() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        SweepRunner s = sweeper(w);
        List<SweepPoint> points = new SweepGrid().set("calibration_type=kl,max").set("per_channel=true,false").expand();

        CancelToken stop = new CancelToken();
        AtomicInteger finished = new AtomicInteger();
        SweepResult first = s.run(s.plan(w.config(), points, null, List.of()), 1, stop, new SweepRunner.Listener() {
            @Override
            public void finished(SweepPoint point, Experiment experiment) {
                if (finished.incrementAndGet() == 2) {
                    stop.cancel(); // as Ctrl-C does between two builds
                }
            }
        });
        assertEquals(2, first.count(SweepResult.Fate.RAN));
        assertEquals(2, first.count(SweepResult.Fate.NOT_RUN));
        assertEquals(2, w.standIns().invocations("hb_mapper", "makertbin").size());

        SweepRunner.Plan again = s.plan(w.config(), points, null, List.of());
        assertEquals(2, again.toRun().size());
        assertEquals(List.of(points.get(2), points.get(3)), again.order());
        SweepResult second = s.run(again, 2, new CancelToken(), new SweepRunner.Listener() { });
        assertEquals(2, second.count(SweepResult.Fate.DONE_BEFORE));
        assertEquals(2, second.count(SweepResult.Fate.RAN));
        assertEquals(4, second.ranked().size());
        assertEquals(4, w.standIns().invocations("hb_mapper", "makertbin").size(), "only the two missing builds ran");
        assertEquals(4, new ExperimentStore(w.workspace()).list().size());
    }

    @Test
    void int16NodeSetsReachNodeInfoAndTheRecord() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        SweepRunner s = sweeper(w);
        String node = "/blocks/blocks.6/blocks.6.0/se/Mul";
        List<SweepPoint> points = new SweepGrid().set("calibration_type=kl")
                .nodeSets(Map.of("se_mul", List.of(node))).expand();
        SweepResult r = s.run(s.plan(w.config(), points, null, List.of()), 1, new CancelToken(), new SweepRunner.Listener() { });
        Experiment e = new ExperimentStore(w.workspace()).read(r.points().get(0).experimentId());
        assertEquals(ExperimentStatus.SUCCEEDED, e.status());
        assertEquals("InputType=int16, ON=BPU, OutputType=int16",
                e.config().settings().get("model_parameters.node_info." + node));
        assertEquals("se_mul", e.sweep().get("int16_set"));
        assertEquals("1", e.keySettings().get("int16_nodes"));
        assertEquals("int16", e.layers().stream().filter(l -> l.node().equals(node)).findFirst().orElseThrow().dataType());
    }

    /** A record left behind by a build of {@code runKey} that never wrote its end. */
    private static void leftRunning(ExperimentStore store, String id, String runKey, RunOwner owner) throws Exception {
        store.create(id);
        store.save(new Experiment(Experiment.SCHEMA, id, null, ExperimentStatus.RUNNING, null, null,
                new Experiment.Model("/m.onnx", "ab"), null, null, null, List.of(),
                new Provenance("0.1", owner.host(), "os", "x86_64", "jvm", "2025-01-01T00:00:00Z", null, List.of(), Map.of()),
                null, null, List.of(), List.of(), List.of(), Map.of(), runKey, owner));
    }

    @Test
    void resumeBuildsAgainWhatWasAbandonedAndSkipsWhatALiveProcessIsBuilding() throws Exception {
        Workbench w = Workbench.create(tmp.resolve("wb"));
        SweepRunner s = sweeper(w);
        List<SweepPoint> points = new SweepGrid().set("calibration_type=kl,max").expand();
        SweepRunner.Plan first = s.plan(w.config(), points, null, List.of());
        ExperimentStore store = new ExperimentStore(w.workspace());
        Process ended = new ProcessBuilder("true").start();
        ended.onExit().get();
        leftRunning(store, "20250101-000001-aaaaaa", first.toRun().get(0).runKey(),
                new RunOwner(ended.pid(), Provenance.localHost(), null));
        leftRunning(store, "20250101-000002-bbbbbb", first.toRun().get(1).runKey(), RunOwner.current());

        SweepRunner.Plan plan = s.plan(w.config(), points, null, List.of());
        assertEquals(List.of(points.get(0)), plan.order());
        assertEquals(Map.of(points.get(0), List.of("20250101-000001-aaaaaa")), plan.abandoned());
        assertEquals(List.of("experiment 20250101-000002-bbbbbb is building it now (pid " + ProcessHandle.current().pid()
                + " on " + Provenance.localHost() + ")"), plan.decided().get(0).reasons());

        s.run(plan, 1, new CancelToken(), new SweepRunner.Listener() { });
        Experiment settled = store.read("20250101-000001-aaaaaa");
        assertEquals(ExperimentStatus.ABANDONED, settled.status());
        assertTrue(settled.message().contains("run again as "), settled.message());
        assertEquals("abandoned", Json.mapper().readTree(store.folder("20250101-000001-aaaaaa")
                .resolve("experiment.json").toFile()).get("status").asText(), "the sweep that took it over wrote it");
    }
}
