package org.rdkzoo.cli.mapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.models.ZooModels;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.UnknownModelException;
import org.rdkzoo.evaluator.onnx.InvalidOnnxModelException;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfigWriter;
import org.rdkzoo.mapperconfigs.init.ConfigInitializer;
import org.rdkzoo.mapperconfigs.init.InitException;
import org.rdkzoo.mapperconfigs.init.InitOptions;
import org.rdkzoo.mapperconfigs.init.InitResult;
import org.rdkzoo.mapperconfigs.init.ModelTemplate;
import org.rdkzoo.mapperconfigs.init.ZooTemplates;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.ValidationOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo mapper init}: write an hb_mapper config for a zoo model or any ONNX. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        header = "Write an hb_mapper config for a zoo model or any ONNX model.",
        description = {
            "MODEL is a catalog model, named as `rdkzoo models` names it (short id like efficientnet_b2, or "
                    + "the .bin stem EfficientNet_B2_224x224_nv12, any case; --catalog entries too): the config has the "
                    + "zoo's settings for it (EfficientNet B2/B4 with their int16 node_info), with paths to your files "
                    + "and the published .bin stem as output prefix. The ONNX is --onnx PATH, else the one `rdkzoo pull "
                    + "MODEL --format onnx` put in the cache. MODEL may also be an .onnx file (or any other name with "
                    + "--onnx): input name, shape and layout come from the model, the rest are the X5 defaults (nv12 at "
                    + "runtime, ImageNet mean/scale, default calibration, O3). Options override. The config is written "
                    + "to DIR/<name>_config.yaml and checked like `mapper validate` does.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo pull efficientnet_b2 --format onnx && rdkzoo mapper init efficientnet_b2 --out b2/",
            "  rdkzoo mapper init efficientnet_b2 --onnx b2.onnx --out b2/",
            "  rdkzoo mapper init my_net.onnx --calibration-type kl --per-channel",
            "  rdkzoo mapper init --list",
        })
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "A zoo model id or .bin stem, or an .onnx file.")
    String model;

    @Option(names = "--list", description = "List the catalog's models and where their settings come from, and exit.")
    boolean list;

    @Mixin
    ZooOptions zooOptions;

    @Option(names = "--onnx", paramLabel = "PATH",
            description = "The ONNX model the config points at (default for a catalog model: the cached one).")
    Path onnx;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder to write the config to (default: current).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing config.")
    boolean force;

    @Option(names = "--calibration-type", paramLabel = "T", description = "calibration_type: default, mix, kl, max, load, skip.")
    String calibrationType;

    @Option(names = "--max-percentile", paramLabel = "P", description = "max_percentile (with --calibration-type max), e.g. 0.99995.")
    Double maxPercentile;

    @Option(names = "--per-channel", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "per_channel (not with default calibration).")
    Boolean perChannel;

    @Option(names = "--input-type-rt", paramLabel = "TYPE", description = "input_type_rt: nv12, rgb, bgr, yuv444, gray, featuremap.")
    String inputTypeRt;

    @Option(names = "--norm-type", paramLabel = "TYPE", description = "norm_type: data_mean_and_scale, data_mean, data_scale, no_preprocess.")
    String normType;

    @Option(names = "--mean", paramLabel = "\"M1 M2 M3\"", description = "mean_value: one value or one per channel.")
    String mean;

    @Option(names = "--scale", paramLabel = "\"S1 S2 S3\"", description = "scale_value: one value or one per channel.")
    String scale;

    @Option(names = "--optimize-level", paramLabel = "O0..O3", description = "optimize_level.")
    String optimizeLevel;

    @Option(names = "--cal-data-dir", paramLabel = "DIR", description = "cal_data_dir (default ./calibration_data_rgb_f32 beside the config).")
    Path calDataDir;

    @Option(names = "--working-dir", paramLabel = "DIR", description = "working_dir (default: the output prefix).")
    String workingDir;

    @Option(names = "--prefix", paramLabel = "NAME", description = "output_model_file_prefix (default: the .bin stem).")
    String prefix;

    @Option(names = "--int16", paramLabel = "NODE", description = "Keep NODE in int16 on the BPU (node_info); repeatable.")
    List<String> int16 = new ArrayList<>();

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            for (CatalogEntry e : zooOptions.catalog(context).entries()) {
                Optional<ModelTemplate> t = ZooTemplates.forStem(e.stem());
                String settings = t.isEmpty() ? "X5 defaults, input from the ONNX"
                        : t.get().zooHasConfig() ? "the zoo's config" : "X5 defaults (the zoo has no config)";
                context.out().printf("%-26s %-40s %-18s %s%n", e.id(), e.stem(), e.family(), settings);
            }
            context.out().flush();
            return ExitCodes.OK;
        }
        if (model == null) {
            throw new CliException(ExitCodes.USAGE, "give a MODEL (a zoo model or an .onnx file), or --list");
        }
        Path outDir = out.toAbsolutePath().normalize();
        InitOptions options = new InitOptions(onnx, outDir, calibrationType, maxPercentile, perChannel, inputTypeRt,
                normType, mean, scale, optimizeLevel, calDataDir, workingDir, prefix, int16);
        InitResult result = make(options);

        List<Diagnostic> problems = ConfigValidator.validate(result.config(), ValidationOptions.configOnly().withBaseDir(outDir));
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            problems.forEach(d -> context.err().println("rdkzoo: " + d.severity().label() + ": " + d.key() + ": " + d.message()
                    + (d.found() != null ? " (found " + d.found() + ")" : "")));
            throw new CliException(ExitCodes.USAGE, "these options make an invalid config; nothing was written");
        }
        Path file = outDir.resolve(result.fileName());
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCodes.USAGE, file + " exists; use --force to overwrite it");
        }
        MapperConfigWriter.write(result.config(),
                new MapperConfigWriter.Header(result.from(), Instant.now(context.clock()).truncatedTo(ChronoUnit.SECONDS),
                        result.notes()), file);
        context.out().println(file);
        context.out().flush();
        nextSteps(file);
        return ExitCodes.OK;
    }

    private InitResult make(InitOptions options) throws IOException {
        boolean isOnnx = model.toLowerCase(Locale.ROOT).endsWith(".onnx") || Files.isRegularFile(Path.of(model));
        if (isOnnx && onnx != null) {
            throw new CliException(ExitCodes.USAGE, "MODEL is already an ONNX file; --onnx is for zoo models and names");
        }
        if (isOnnx) {
            Path onnxPath = Path.of(model);
            return fromOnnx(onnxPath, null, options.withOnnx(onnxPath));
        }
        ZooModels zoo = zooOptions.open(context);
        Optional<CatalogEntry> found = zoo.catalog().find(model);
        if (found.isEmpty() && onnx != null) {
            // A model of the user's own, named on the command line; a near catalog name is worth a word.
            try {
                zoo.catalog().resolve(model);
            } catch (UnknownModelException e) {
                if (!e.suggestions().isEmpty()) {
                    context.warn(e.getMessage() + " Writing a config for your own model " + model + " from " + onnx + ".");
                }
            }
            return fromOnnx(onnx, model, options);
        }
        CatalogEntry entry = found.orElseGet(() -> zoo.resolve(model)); // unknown: exit 2 with suggestions
        Path onnxPath = onnx != null ? onnx : cachedOnnx(zoo, entry);
        Optional<ModelTemplate> template = ZooTemplates.forStem(entry.stem());
        if (template.isPresent()) {
            return ConfigInitializer.fromTemplate(template.get(), options.withOnnx(onnxPath));
        }
        // A user catalog's model: no zoo settings to copy, so the X5 defaults from its ONNX, named like its .bin.
        return fromOnnx(onnxPath, entry.name(), options.withOnnx(onnxPath));
    }

    /** The catalog model's ONNX from the cache, or what to do to get one. */
    private Path cachedOnnx(ZooModels zoo, CatalogEntry entry) {
        if (entry.onnx() == null) {
            throw new CliException(ExitCodes.USAGE, entry.id() + " has no .onnx in the catalog (the zoo publishes none "
                    + "for it): export one and pass it with --onnx PATH");
        }
        try {
            Path cached = zoo.cachedPath(entry.id(), ArtifactFormat.ONNX);
            context.info("using the cached " + cached);
            return cached;
        } catch (CliException e) {
            throw new CliException(e.exitCode(), e.getMessage() + ", or pass your ONNX with --onnx PATH", e);
        }
    }

    private InitResult fromOnnx(Path onnxPath, String name, InitOptions options) throws IOException {
        OnnxModel read;
        try {
            read = OnnxModel.read(onnxPath);
        } catch (InvalidOnnxModelException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        try {
            return ConfigInitializer.fromOnnx(onnxPath, read, name, options);
        } catch (InitException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** What the full check says about the files, as the next things to do. */
    private void nextSteps(Path file) throws IOException {
        for (Diagnostic d : ConfigValidator.validateFile(file, ValidationOptions.defaults())) {
            context.warn(d.key() + ": " + d.message() + (d.found() != null ? " (found " + d.found() + ")" : ""));
            if (d.key().equals(ConfigKey.CAL_DATA_DIR.path()) && d.message().contains("does not exist")) {
                context.info("make the calibration data with: rdkzoo mapper calib --images DIR --out " + d.found());
            }
        }
    }
}
