package org.rdkzoo.cli.mapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.validate.ConfigValidator;
import org.rdkzoo.mapperconfigs.validate.Diagnostic;
import org.rdkzoo.mapperconfigs.validate.Severity;
import org.rdkzoo.mapperconfigs.validate.ValidationOptions;
import org.rdkzoo.mapperconfigs.validate.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo mapper validate}: check hb_mapper configs before the toolchain runs. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        header = "Check hb_mapper configs for the X5 before hb_mapper runs.",
        description = {
            "Reads each config as hb_mapper's PyYAML does and reports errors and warnings with "
                    + "file:line:column, the key, what was found and what is allowed: missing and unknown keys (with "
                    + "suggestions), wrong types, values the X5 does not take, rules between keys (input types, "
                    + "mean/scale, max_percentile, per_channel, core_num, even sizes for nv12), and the files: the ONNX "
                    + "model (input, node names) and the calibration folder (every file the size of one input sample). "
                    + "Relative paths start at each config's folder.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo mapper validate EfficientNet_B2_config.yaml",
            "  rdkzoo mapper validate --no-files --format json configs/*.yaml",
            "",
            "Exit codes: 0 no errors (with --strict: no warnings either), 2 errors found.",
        })
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "CONFIG.yaml", description = "hb_mapper config files.")
    List<Path> configs;

    @Option(names = "--no-files", description = "Check the configs alone; do not open the models and calibration folders.")
    boolean noFiles;

    @Option(names = "--strict", description = "Count warnings as errors (exit code 2).")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ValidationOptions options = noFiles ? ValidationOptions.configOnly() : ValidationOptions.defaults();
        Map<Path, List<Diagnostic>> results = new LinkedHashMap<>();
        for (Path config : configs) {
            if (!Files.isRegularFile(config)) {
                results.put(config, List.of(new Diagnostic(Severity.ERROR, config, 0, 0, "",
                        Files.exists(config) ? "not a file" : "no such file", null, null)));
                continue;
            }
            results.put(config, ConfigValidator.validateFile(config, options));
        }
        ValidationReport report = new ValidationReport(results, strict);
        if (format == Format.json) {
            context.out().println(Json.write(report.json()));
        } else {
            context.out().print(report.text());
        }
        context.out().flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
