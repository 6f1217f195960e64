package org.rdkzoo.cli.compare;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.compare.CompareOptions;
import org.rdkzoo.evaluator.compare.Comparer;
import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.IncompatibleResultsException;
import org.rdkzoo.evaluator.compare.Threshold;
import org.rdkzoo.evaluator.compare.Verdict;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.report.ComparisonReports;
import org.rdkzoo.evaluator.report.ImageDirThumbnails;
import org.rdkzoo.evaluator.report.RenderOptions;
import org.rdkzoo.evaluator.report.ReportFormat;
import org.rdkzoo.evaluator.report.Thumbnails;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.stats.Confidence;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdkzoo compare A.json B.json}: two results image by image, with honest statistics and a verdict. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        header = "Compare two results image by image: Top-1/Top-5 with intervals, the paired change, McNemar, flips.",
        description = {
            "Pairs the images of A (the reference, e.g. float on ONNX Runtime) and B (e.g. the .bin on the board, or "
                    + "the int8 simulation) by id and reports each run's Top-1 and Top-5 with 95%% Wilson intervals, "
                    + "the change B - A with a paired 95%% interval (Newcombe), McNemar's exact test, the images "
                    + "that flipped, how often the two agree and the classes that lost most.",
            "Results of different datasets or subsets are refused unless --intersect. With --max-drop or "
                    + "--max-drop-rel the command exits with code 3 when B loses more Top-1 than allowed.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo compare float.json board.json --max-drop 1.0",
            "  rdkzoo compare float.json sim.json --format html --images ~/data/imagenet-val --out compare.html",
            "  rdkzoo compare float.json board.json --max-drop-rel 0.02 --verdict upper-bound --format json",
        })
public final class CompareCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The reference results (float).")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The results compared with it (board, simulation...).")
    Path b;

    @ArgGroup(exclusive = true)
    Drop drop;

    static final class Drop {
        @Option(names = "--max-drop", paramLabel = "POINTS",
                description = "Allowed Top-1 drop in points (1.0 = one percentage point); exit code 3 beyond it.")
        Double points;

        @Option(names = "--max-drop-rel", paramLabel = "FRACTION",
                description = "Allowed Top-1 drop as a fraction of A's Top-1 (0.02 = 2%% of it); exit code 3 beyond it.")
        Double fraction;
    }

    @Option(names = "--verdict", paramLabel = "RULE", defaultValue = "point", converter = RuleConverter.class,
            description = "What is held against the allowed drop: point (the measured drop, default), upper-bound "
                    + "(the upper 95%% limit: passes only when the data show the drop is within), lower-bound "
                    + "(the lower limit: fails only when the drop is significantly larger).")
    Threshold.Rule rule;

    @Option(names = "--intersect",
            description = "Compare the images both runs evaluated even when their datasets or subsets differ.")
    boolean intersect;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md, json, csv (one row per image) or html (one self-contained page). Default: text.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path out;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Dataset root: the HTML report shows flipped images as thumbnails read from it.")
    Path images;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Rows of the class and flip lists in text, md and html (0 = all). Default: 10.")
    int top;

    CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Threshold threshold = threshold();
        if (top < 0) {
            throw new CliException(ExitCodes.USAGE, "--top must be >= 0, was " + top);
        }
        LoadedResults ra = CommandFiles.results(a);
        LoadedResults rb = CommandFiles.results(b);
        Provenance provenance = Provenance.start(context.clock(), CommandFiles.commandLine(spec), Map.of());
        Comparison comparison;
        try {
            comparison = Comparer.compare(ra, rb, new CompareOptions(intersect, threshold, Confidence.NINETY_FIVE),
                    provenance.finish(context.clock()));
        } catch (IncompatibleResultsException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (comparison.pairing().intersected()) {
            context.info("compared the " + comparison.pairing().paired() + " images both runs evaluated; left out "
                    + comparison.pairing().onlyInA() + " only in A and " + comparison.pairing().onlyInB() + " only in B");
        }
        Thumbnails thumbnails = images == null ? Thumbnails.NONE : new ImageDirThumbnails(images, 150);
        CommandFiles.write(context, out, ComparisonReports.render(comparison, format,
                new RenderOptions(top, 200, thumbnails)));

        Verdict verdict = comparison.verdict();
        return switch (verdict.status()) {
            case FAIL -> {
                context.info(verdict.exceededMessage());
                yield ExitCodes.THRESHOLD;
            }
            case UNDETERMINED -> throw new CliException(ExitCodes.FAILURE, "no image is in both results: cannot judge "
                    + threshold.describe());
            default -> ExitCodes.OK;
        };
    }

    private Threshold threshold() {
        if (drop == null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--verdict")) {
                throw new CliException(ExitCodes.USAGE, "--verdict needs --max-drop or --max-drop-rel");
            }
            return null;
        }
        try {
            return drop.points != null ? new Threshold(Threshold.Kind.ABSOLUTE, drop.points, rule)
                    : new Threshold(Threshold.Kind.RELATIVE, drop.fraction, rule);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** {@code point}, {@code upper-bound}, {@code lower-bound}. */
    static final class RuleConverter implements CommandLine.ITypeConverter<Threshold.Rule> {
        @Override
        public Threshold.Rule convert(String value) {
            for (Threshold.Rule r : Threshold.Rule.values()) {
                if (r.option().equalsIgnoreCase(value)) {
                    return r;
                }
            }
            throw new CommandLine.TypeConversionException("expected point, upper-bound or lower-bound but was '"
                    + value + "'");
        }
    }
}
