package org.rdkzoo.cli.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.mapper.ExperimentView;
import org.rdkzoo.cli.mapper.MapperBuildCommand;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.sim.SimReport;
import org.rdkzoo.evaluator.sim.SimSettingsKeys;
import org.rdkzoo.evaluator.similarity.SimilarityDiff;
import org.rdkzoo.evaluator.similarity.SimilarityTable;
import org.rdkzoo.mapperconfigs.experiments.Experiment;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStatus;
import org.rdkzoo.mapperconfigs.experiments.ExperimentStore;
import org.rdkzoo.mapperconfigs.experiments.ExperimentSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo experiments list | show ID | diff ID1 ID2}: the record of every build (diff also takes sim reports). */
@Command(
        name = "experiments",
        mixinStandardHelpOptions = true,
        header = "List, show and compare recorded quantization experiments.",
        description = {
            "Every 'mapper build' and 'mapper sweep' run is an experiment in <workspace>/experiments. A "
                    + "record left 'running' by a process that died (kill -9, a crash) shows as 'abandoned' when that "
                    + "process is gone from this machine; the file is rewritten only by a build or sweep that runs the "
                    + "same config again.",
        })
public final class ExperimentsCommand implements Callable<Integer> {
    /** In help order; registered by {@code Main}, which builds only the ones a command line needs. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            ExperimentsCommand.ListCommand.class,
            ExperimentsCommand.ShowCommand.class,
            ExperimentsCommand.DiffCommand.class);

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ExperimentsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }

    /** Options shared by the subcommands. */
    static final class Common {
        @Option(names = "--workspace", paramLabel = "DIR",
                description = "Folder that holds experiments/ (default: $RDKZOO_HOME, else ~/.cache/rdkzoo).")
        Path workspace;

        @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
        MapperBuildCommand.Format format = MapperBuildCommand.Format.TABLE;

        ExperimentStore store(CliContext context) {
            return new ExperimentStore(workspace != null ? workspace.toAbsolutePath() : context.home());
        }

        Experiment read(CliContext context, String idOrPrefix) throws IOException {
            ExperimentStore store = store(context);
            try {
                return store.read(store.resolve(idOrPrefix));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List experiments, oldest first.",
            footerHeading = "%nExample:%n", footer = "  rdkzoo experiments list --status succeeded --format json")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @CommandLine.Mixin
        Common common;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only these: succeeded, failed, interrupted, timed-out, running, abandoned.")
        String status;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            ExperimentStatus only;
            try {
                only = status == null ? null : ExperimentStatus.of(status.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage()
                        + " (expected succeeded, failed, interrupted, timed-out, running or abandoned)");
            }
            List<ExperimentSummary> all = common.store(context).list().stream()
                    .filter(s -> only == null || s.status() == only)
                    .toList();
            if (common.format == MapperBuildCommand.Format.JSON) {
                context.out().println(Json.write(all));
            } else if (all.isEmpty()) {
                context.info("no experiments in " + common.store(context).root());
            } else {
                TextTable t = new TextTable("id", "started", "model", "status", "output cos", "settings", "label");
                for (ExperimentSummary s : all) {
                    t.row(s.id(), s.started(), s.model(), s.status().label(), ExperimentView.cos(s.outputCosine()),
                            ExperimentView.settings(s.settings()), s.label());
                }
                t.print(context.out());
            }
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, header = "Show one experiment in full.",
            footerHeading = "%nExample:%n", footer = "  rdkzoo experiments show 20250314-1000 --layers")
    static final class ShowCommand implements Callable<Integer> {
        private final CliContext context;

        @CommandLine.Mixin
        Common common;

        @Parameters(paramLabel = "ID", description = "Experiment id, a unique prefix of one, or its label.")
        String id;

        @Option(names = "--layers", description = "Every layer, not only the worst.")
        boolean allLayers;

        @Option(names = "--worst", paramLabel = "N", description = "Worst layers to show (default: ${DEFAULT-VALUE}).")
        int worst = 10;

        ShowCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            Experiment e = common.read(context, id);
            if (common.format == MapperBuildCommand.Format.JSON) {
                context.out().println(Json.write(e));
                context.out().flush();
            } else {
                ExperimentView.print(context.out(), e, worst, allLayers);
                context.out().println("folder: " + common.store(context).folder(e.id()));
                context.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            header = "Compare two experiments, or an experiment and a simulation: settings beside similarity.",
            description = {
                "Lists the settings that differ, key by key, then the change in each output's similarity and",
                "in per-layer cosine, naming the layers that dropped most from the first to the second.",
                "Either side may be a simulation report ('rdkzoo sim --report FILE'): give its file instead of an",
                "id, or --sim FILE as the second side. Layers match by node name (hb_mapper's names cut with",
                "'...' match the full name they end); an experiment's settings are then narrowed to those a",
                "simulation has (calibration type, percentile, per_channel, node_info).",
            },
            footerHeading = "%nExamples:%n", footer = {
                "  rdkzoo experiments diff b2-default b2-kl --top 5",
                "  rdkzoo experiments diff b2-default --sim layers.json",
            })
    static final class DiffCommand implements Callable<Integer> {
        private final CliContext context;

        @CommandLine.Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "ID1", description = "The reference: an experiment, or a sim report file.")
        String first;

        @Parameters(index = "1", arity = "0..1", paramLabel = "ID2",
                description = "The one compared with it: an experiment, or a sim report file.")
        String second;

        @Option(names = "--sim", paramLabel = "FILE", description = "A sim report as the second side (instead of ID2).")
        Path sim;

        @Option(names = "--top", paramLabel = "N", description = "Layers with the largest drops to name (default: ${DEFAULT-VALUE}).")
        int top = 10;

        DiffCommand(CliContext context) {
            this.context = context;
        }

        /** One side: what to call it, its state, its table. */
        private record Side(String label, String state, SimilarityTable table) {
            boolean simulated() {
                return "sim".equals(table.source());
            }

            /** This side with only the settings a simulation also has. */
            Side comparableSettings() {
                Map<String, String> kept = new LinkedHashMap<>();
                table.settings().forEach((k, v) -> {
                    if (SimSettingsKeys.comparable(k)) {
                        kept.put(k, v);
                    }
                });
                return new Side(label, state, new SimilarityTable(table.label(), table.source(), kept, table.layers(),
                        table.outputs()));
            }
        }

        private Side side(String idOrFile) throws IOException {
            Path file = Path.of(idOrFile);
            if (Files.isRegularFile(file)) {
                try {
                    return new Side(file.getFileName().toString(), "simulation", SimReport.read(file).table());
                } catch (InvalidInputException e) {
                    throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
                }
            }
            Experiment e = common.read(context, idOrFile);
            return new Side(e.id(), e.status().label(), e.similarity());
        }

        @Override
        public Integer call() throws IOException {
            if ((second == null) == (sim == null)) {
                throw new CliException(ExitCodes.USAGE, second == null ? "give the second side: ID2, or --sim FILE"
                        : "give ID2 or --sim FILE, not both");
            }
            Side a = side(first);
            Side b = side(second != null ? second : sim.toString());
            if (a.simulated() != b.simulated()) {
                a = a.simulated() ? a : a.comparableSettings();
                b = b.simulated() ? b : b.comparableSettings();
            }
            SimilarityDiff d = SimilarityDiff.compare(a.table(), b.table());
            if (common.format == MapperBuildCommand.Format.JSON) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("diff", d);
                doc.put("largestDrops", d.largestDrops(top));
                context.out().println(Json.write(doc));
                context.out().flush();
                return ExitCodes.OK;
            }
            var out = context.out();
            out.println(a.label() + " (" + a.state() + ")  ->  " + b.label() + " (" + b.state() + ")");
            out.println();
            if (d.settings().isEmpty()) {
                out.println("settings: identical");
            } else {
                TextTable t = new TextTable("setting", a.label(), b.label());
                d.settings().forEach(s -> t.row(s.key(), s.before(), s.after()));
                t.print(out);
            }
            out.println();
            if (!d.outputs().isEmpty()) {
                TextTable t = new TextTable("output", "cosine", "change", "L1", "L2", "Chebyshev");
                for (SimilarityDiff.OutputChange o : d.outputs()) {
                    t.row(o.output(), pair(o.before() == null ? null : o.before().cosine(), o.after() == null ? null : o.after().cosine()),
                            signed(o.cosineDelta()),
                            pair(o.before() == null ? null : o.before().l1(), o.after() == null ? null : o.after().l1()),
                            pair(o.before() == null ? null : o.before().l2(), o.after() == null ? null : o.after().l2()),
                            pair(o.before() == null ? null : o.before().chebyshev(), o.after() == null ? null : o.after().chebyshev()));
                }
                t.print(out);
                out.println();
            }
            List<SimilarityDiff.LayerChange> drops = d.largestDrops(top);
            out.println(d.layers().size() + " layers compared" + (d.onlyBefore().isEmpty() && d.onlyAfter().isEmpty() ? ""
                    : " (" + d.onlyBefore().size() + " only in " + a.label() + ", " + d.onlyAfter().size() + " only in "
                    + b.label() + ")") + "; " + drops.size() + " dropped" + (drops.isEmpty() ? "" : ", most:"));
            if (!drops.isEmpty()) {
                TextTable t = new TextTable("node", "type", "cosine", "change");
                drops.forEach(l -> t.row(l.node(), l.type(), pair(l.before(), l.after()), signed(l.delta())));
                t.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String pair(Double a, Double b) {
            return ExperimentView.cos(a) + " -> " + ExperimentView.cos(b);
        }

        private static String signed(Double v) {
            return v == null ? "-" : String.format(Locale.ROOT, "%+.6f", v);
        }
    }
}
