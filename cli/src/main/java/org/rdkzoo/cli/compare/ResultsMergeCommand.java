package org.rdkzoo.cli.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.results.ShardMergeException;
import org.rdkzoo.evaluator.results.ShardMerger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdkzoo results merge SHARD.json... --out merged.json}. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        header = "Join the shards of a --shard I/N evaluation into the results of the whole run.",
        description = {
            "Checks that the shards belong to one run (same model sha256, dataset manifest, subset, "
                    + "preprocessing, backend, label map and N), that every shard 1..N is there exactly once and that "
                    + "no image is in two shards; recomputes Top-1, Top-5 and per-class counts, unions the failures "
                    + "and records every input file with its sha256 in the merged provenance.",
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  rdkzoo results merge board-1of4.json board-2of4.json board-3of4.json board-4of4.json --out board.json",
        })
public final class ResultsMergeCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD.json", description = "The results of each shard, in any order.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the merged results.")
    Path out;

    ResultsMergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandFiles.notAnInput(out, shards);
        List<LoadedResults> loaded = shards.stream().map(CommandFiles::results).toList();
        Provenance provenance = Provenance.start(context.clock(), CommandFiles.commandLine(spec), Map.of());
        ShardMerger.Merged merged;
        try {
            merged = ShardMerger.merge(loaded, provenance);
        } catch (ShardMergeException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        merged.warnings().forEach(context::warn);
        EvaluationResults r = merged.results();
        EvaluationResults finished = new EvaluationResults(r.format(), r.backend(), r.model(), r.dataset(),
                r.preprocessing(), r.metrics(), r.images(), r.failures(), r.provenance().finish(context.clock()));
        try {
            ResultsFiles.write(out, finished);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + out + ": " + e.getMessage(), e);
        }
        EvaluationResults.Metrics m = finished.metrics();
        context.info(String.format(Locale.ROOT, "merged %d shards: %d images, Top-1 %s, Top-5 %s, %d failed; wrote %s",
                shards.size(), m.images(), percent(m.top1Accuracy()), percent(m.top5Accuracy()), m.failures(), out));
        return ExitCodes.OK;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
