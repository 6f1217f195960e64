package org.rdkzoo.cli.mapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ConsoleProgress;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.calib.CalibrationInputException;
import org.rdkzoo.mapperconfigs.calib.CalibrationManifest;
import org.rdkzoo.mapperconfigs.calib.CalibrationRequest;
import org.rdkzoo.mapperconfigs.calib.CalibrationWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdkzoo mapper calib}: calibration data for makertbin with the OE preprocessing. */
@Command(
        name = "calib",
        mixinStandardHelpOptions = true,
        header = "Prepare calibration data for hb_mapper makertbin (the OE preprocessing).",
        description = {
            "Picks --count images of a folder (sorted by name, shuffled with --seed; an unreadable image is "
                    + "reported and replaced by the next), applies the OE calibration preprocessing bit-exact with "
                    + "OpenCV (short side to --short-side with INTER_LINEAR, centre crop --size, BGR to RGB, HWC to "
                    + "CHW, values 0..255) and writes one raw little-endian file per image, named after it with "
                    + ".rgb, and beside the folder a manifest (OUT.manifest.json: hb_mapper reads every file in "
                    + "cal_data_dir, so nothing else goes in there).",
            "Point cal_data_dir at --out and set cal_data_type to --type. A rerun with the same --out reuses the "
                    + "files its manifest vouches for.",
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  rdkzoo mapper calib --images ImageNet/val --out calibration_data_rgb_f32 \\",
            "      --count 100 --jobs 4",
        })
public final class CalibCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Folder of source images (JPEG, PNG, BMP; not searched recursively).")
    Path images;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the calibration files: new, empty, or from an earlier run.")
    Path out;

    @Option(names = "--count", defaultValue = "100", paramLabel = "N",
            description = "Number of calibration files (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the shuffle that picks the images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "224", paramLabel = "PX",
            description = "Side of the square centre crop (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--short-side", defaultValue = "256", paramLabel = "PX",
            description = "The short side is resized to this before the crop (default: ${DEFAULT-VALUE}).")
    int shortSide;

    @Option(names = "--type", defaultValue = "float32", paramLabel = "TYPE",
            description = "float32 or uint8: the cal_data_type of the files (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Images decoded and preprocessed in parallel (default: the number of CPUs).")
    Integer jobs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (the manifest) on stdout (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    CalibCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PreprocessSpec.DType dtype = switch (type.toLowerCase(Locale.ROOT)) {
            case "float32" -> PreprocessSpec.DType.FLOAT32;
            case "uint8" -> PreprocessSpec.DType.UINT8;
            default -> throw new CliException(ExitCodes.USAGE, "--type must be float32 or uint8, not '" + type + "'");
        };
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException(ExitCodes.USAGE, "--format must be text or json, not '" + format + "'");
        }
        CalibrationRequest request;
        try {
            request = new CalibrationRequest(images, out, count, seed, size, shortSide, dtype,
                    jobs == null ? Runtime.getRuntime().availableProcessors() : jobs);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        List<String> commandLine = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        ConsoleProgress progress = new ConsoleProgress(context, quiet);
        CalibrationWriter.Result result;
        try (Progress listener = new Progress(progress)) {
            result = new CalibrationWriter(context.clock()).write(request, commandLine, listener);
        } catch (CalibrationInputException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        for (String name : result.foreign()) {
            context.warn(result.dir() + " also holds " + name
                    + ", which hb_mapper would read as calibration data");
        }
        if (format.equals("json")) {
            context.out().println(Json.write(result.manifest()));
        } else {
            render(result);
        }
        context.out().flush();
        return ExitCodes.OK;
    }

    private void render(CalibrationWriter.Result r) {
        CalibrationManifest m = r.manifest();
        var out = context.out();
        out.printf(Locale.ROOT, "%d calibration files in %s (%d written, %d reused)%n", m.files().size(),
                r.dir(), r.written(), r.reused());
        out.printf(Locale.ROOT, "  %s, RGB, NCHW %s, %d bytes each: cal_data_type: '%s'%n", m.dataType(),
                m.shape(), m.bytesPerFile(), m.dataType());
        if (!m.unreadable().isEmpty()) {
            out.printf(Locale.ROOT, "%d unreadable image(s) skipped:%n", m.unreadable().size());
            for (CalibrationManifest.Unreadable u : m.unreadable()) {
                String by = m.replacements().stream().filter(x -> x.unreadable().equals(u.source())).findFirst()
                        .map(x -> " (replaced by " + x.replacement() + ")").orElse("");
                out.printf(Locale.ROOT, "  %s: %s%s%n", u.source(), u.reason(), by);
            }
        }
        if (!r.removed().isEmpty()) {
            out.printf(Locale.ROOT, "%d calibration file(s) of an earlier run removed%n", r.removed().size());
        }
        out.printf(Locale.ROOT, "manifest: %s%n", r.manifestFile());
    }

    /** Adapts the writer's listener to a progress task. */
    private final class Progress implements CalibrationWriter.Listener, AutoCloseable {
        private final ConsoleProgress progress;
        private ConsoleProgress.Task task;

        Progress(ConsoleProgress progress) {
            this.progress = progress;
        }

        @Override
        public void started(int count, int candidates) {
            task = progress.start("calib", count, ConsoleProgress.Unit.IMAGES);
        }

        @Override
        public void imageDone(String source, boolean reused) {
            task.stepBy(1);
        }

        @Override
        public void unreadable(String source, String reason) {
            context.warn("skipping " + source + ": " + reason);
        }

        @Override
        public void close() {
            if (task != null) {
                task.close();
            }
        }
    }
}
