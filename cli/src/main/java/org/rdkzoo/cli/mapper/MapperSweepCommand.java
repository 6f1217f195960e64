package org.rdkzoo.cli.mapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.experiments.Experiment;
import org.rdkzoo.mapperconfigs.experiments.ExperimentRunner;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStore;
import org.rdkzoo.mapperconfigs.config.ConfigFormatException;
import org.rdkzoo.mapperconfigs.sweep.NodeSets;
import org.rdkzoo.mapperconfigs.sweep.SweepGrid;
import org.rdkzoo.mapperconfigs.sweep.SweepPoint;
import org.rdkzoo.mapperconfigs.sweep.SweepResult;
import org.rdkzoo.mapperconfigs.sweep.SweepRunner;
import org.rdkzoo.mapperconfigs.toolchain.CancelToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo mapper sweep CONFIG --set KEY=V1,V2 ...}: a grid of builds, ranked. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Build every combination of calibration settings and rank them by output cosine.",
        description = {
            "Expands the grid of --set values (and --node-int16-sets), skips the combinations 'mapper "
                    + "validate' rejects (saying why), skips those an earlier experiment already built with the same "
                    + "effective config, model and calibration set (so an interrupted sweep resumes), runs the rest as "
                    + "experiments, and prints them ranked by output cosine with their worst layers. A value '-' leaves "
                    + "the key unset.",
            "",
            "--node-int16-sets FILE names sets of nodes to put in int16 (node_info ON=BPU, "
                    + "InputType/OutputType int16), one set per combination. YAML: 'name: [node, ...]' per set (use "
                    + "'none: []' for a baseline); or text: a '[name]' line starts a set, each following line is a node "
                    + "name, '#' starts a comment.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo mapper sweep cfg.yaml --set calibration_type=kl,max --set max_percentile=-,0.99995,0.9999 \\",
            "      --set per_channel=true,false --jobs 2 --timeout 2h",
            "  rdkzoo mapper sweep cfg.yaml --set calibration_type=default --node-int16-sets int16-sets.yaml",
            "Exit codes: 0 all built, 1 some failed, 2 bad grid or nothing valid, 5 no toolchain, 130 interrupted.",
        })
public final class MapperSweepCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The base hb_mapper YAML config.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=V1,V2", description = "A key and the values to try (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--node-int16-sets", paramLabel = "FILE", description = "Named sets of nodes to put in int16.")
    Path nodeSets;

    @Option(names = "--jobs", paramLabel = "N", description = "Builds to run at once (default: ${DEFAULT-VALUE}).")
    int jobs = 1;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit for each build (90s, 45m, 2h). Default: no limit.")
    Duration timeout;

    @Option(names = "--dry-run", description = "Print the plan (what runs, what is skipped and why) and stop.")
    boolean dryRun;

    @Option(names = "--worst", paramLabel = "N", description = "Worst layers shown per combination (default: ${DEFAULT-VALUE}).")
    int worst = 3;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    MapperBuildCommand.Format format = MapperBuildCommand.Format.TABLE;

    @Mixin
    ToolchainOptions toolchain;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    MapperSweepCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new CliException(ExitCodes.USAGE, "--jobs must be at least 1");
        }
        List<SweepPoint> points;
        try {
            SweepGrid grid = new SweepGrid();
            sets.forEach(grid::set);
            if (nodeSets != null) {
                grid.nodeSets(NodeSets.read(nodeSets));
            }
            points = grid.expand();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        ExperimentRunner runner = new ExperimentRunner(new ExperimentStore(toolchain.workspace(context)),
                toolchain.locate(context), context.env(), context.clock(), Duration.ofSeconds(10));
        SweepRunner sweeper = new SweepRunner(runner, worst);
        SweepRunner.Plan plan;
        try {
            plan = sweeper.plan(config, points, timeout, spec.commandLine().getParseResult().originalArgs());
        } catch (ConfigFormatException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        for (SweepResult.Point d : plan.decided()) {
            context.info("#" + d.point().number() + " " + ExperimentView.settings(d.point().labels()) + ": "
                    + (d.fate() == SweepResult.Fate.SKIPPED ? "skipped: " + String.join("; ", d.reasons())
                            : "built before as " + d.experimentId()));
        }
        plan.abandoned().forEach((p, ids) -> context.info("#" + p.number() + " " + ExperimentView.settings(p.labels())
                + ": building again; " + String.join(", ", ids) + " was abandoned (the process that ran it died)"));
        context.info(points.size() + " combinations: " + plan.toRun().size() + " to build, "
                + plan.decided().stream().filter(d -> d.fate() == SweepResult.Fate.DONE_BEFORE).count() + " built before, "
                + plan.decided().stream().filter(d -> d.fate() == SweepResult.Fate.SKIPPED).count() + " skipped");
        if (dryRun) {
            TextTable t = new TextTable("#", "settings", "plan");
            Map<SweepPoint, String> fate = new LinkedHashMap<>();
            plan.order().forEach(p -> fate.put(p, "build"));
            plan.decided().forEach(d -> fate.put(d.point(), d.fate() == SweepResult.Fate.SKIPPED
                    ? "skip: " + String.join("; ", d.reasons()) : "done: " + d.experimentId()));
            points.forEach(p -> t.row(p.number(), ExperimentView.settings(p.labels()), fate.get(p)));
            t.print(context.out());
            return ExitCodes.OK;
        }
        if (plan.toRun().isEmpty() && plan.decided().stream().allMatch(d -> d.fate() == SweepResult.Fate.SKIPPED)) {
            throw new CliException(ExitCodes.USAGE, "no valid combination to build (see the reasons above)");
        }
        CancelToken cancel = new CancelToken();
        AtomicInteger done = new AtomicInteger();
        SweepResult result;
        try (InterruptHook hook = new InterruptHook(cancel)) {
            result = sweeper.run(plan, jobs, cancel, new SweepRunner.Listener() {
                @Override
                public void finished(SweepPoint point, Experiment e) {
                    context.info("[" + done.incrementAndGet() + "/" + plan.toRun().size() + "] #" + point.number() + " "
                            + ExperimentView.settings(point.labels()) + ": " + e.id() + " " + e.status().label()
                            + (e.outputCosine().isPresent() ? " output cosine " + ExperimentView.cos(e.outputCosine().getAsDouble()) : ""));
                }
            });
        }
        print(result);
        if (cancel.isCancelled()) {
            return ExitCodes.INTERRUPTED;
        }
        return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void print(SweepResult r) {
        if (format == MapperBuildCommand.Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ranked", r.ranked());
            doc.put("points", r.points());
            context.out().println(Json.write(doc));
            context.out().flush();
            return;
        }
        List<String> keys = new ArrayList<>(r.points().get(0).point().labels().keySet());
        List<String> header = new ArrayList<>(List.of("rank", "experiment", "status", "output cos"));
        header.addAll(keys);
        header.add("worst layers");
        TextTable t = new TextTable(header.toArray(new String[0]));
        int rank = 0;
        List<SweepResult.Point> rows = new ArrayList<>(r.ranked());
        r.points().stream().filter(p -> !rows.contains(p) && p.experimentId() != null).forEach(rows::add);
        for (SweepResult.Point p : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(p.outputCosine() != null && p.status() != null && p.status().label().equals("succeeded") ? ++rank : "-");
            cells.add(p.experimentId());
            cells.add(p.status().label() + (p.fate() == SweepResult.Fate.DONE_BEFORE ? " (before)" : ""));
            cells.add(ExperimentView.cos(p.outputCosine()));
            keys.forEach(k -> cells.add(p.point().labels().get(k)));
            cells.add(p.worstLayers().stream().map(l -> l.node() + " " + ExperimentView.cos(l.cosine()))
                    .collect(Collectors.joining(", ")));
            t.row(cells.toArray());
        }
        t.print(context.out());
        r.points().stream().filter(p -> p.fate() == SweepResult.Fate.SKIPPED || p.fate() == SweepResult.Fate.NOT_RUN)
                .forEach(p -> context.out().println("#" + p.point().number() + " " + ExperimentView.settings(p.point().labels())
                        + ": " + (p.fate() == SweepResult.Fate.SKIPPED ? "skipped" : "not run") + ": "
                        + String.join("; ", p.reasons())));
        context.out().flush();
    }
}
