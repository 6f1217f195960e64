package org.rdkzoo.cli.models;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.UnknownModelException;
import org.rdkzoo.evaluator.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rdkzoo models}: the catalog as the zoo's README table, with what the cache holds. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        header = "List the RDK X5 zoo's classifiers with their published figures.",
        description = {
            "The zoo's own table (RDK X5, 224x224 NV12 input, ImageNet-1k): parameters, float and quantized "
                    + "Top-1, single- and multi-thread latency and FPS as the zoo publishes them, plus which "
                    + "artifacts are in the local cache. Figures the zoo does not publish are left empty.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo models",
            "  rdkzoo models --family EfficientNet",
            "  rdkzoo models --format csv > x5-zoo.csv",
        })
public final class ModelsCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--family", paramLabel = "F", description = "Only this family (case-insensitive), e.g. EfficientNet.")
    String family;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    ZooOptions zooOptions;

    ModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Catalog catalog = zooOptions.catalog(context);
        List<CatalogEntry> entries;
        try {
            entries = family == null ? catalog.entries() : catalog.family(family);
        } catch (UnknownModelException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + "; families: "
                    + String.join(", ", catalog.families()), e);
        }
        ModelCache cache = zooOptions.cache(context);
        Map<String, ManifestEntry> manifest = cache.manifest();
        switch (format) {
            case JSON -> {
                List<Map<String, Object>> all = new ArrayList<>();
                for (CatalogEntry e : entries) {
                    Map<String, Object> m = ModelViews.json(e);
                    m.put("cached", ModelViews.cached(e, cache, manifest));
                    all.add(m);
                }
                context.out().println(Json.write(all));
                context.out().flush();
            }
            case CSV -> {
                TextTable t = new TextTable(ModelViews.CSV_HEADER);
                for (CatalogEntry e : entries) {
                    t.add(ModelViews.csvRow(e, ModelViews.cached(e, cache, manifest)));
                }
                t.printCsv(context.out());
            }
            default -> {
                TextTable t = new TextTable(ModelViews.HEADER);
                for (CatalogEntry e : entries) {
                    t.add(ModelViews.row(e, ModelViews.cached(e, cache, manifest)));
                }
                t.print(context.out());
            }
        }
        return ExitCodes.OK;
    }
}
