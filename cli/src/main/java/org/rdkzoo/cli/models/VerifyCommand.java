package org.rdkzoo.cli.models;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.TextTable;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.VerifyResult;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.evaluator.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo verify}: re-hash cached files against the manifest. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        header = "Re-hash cached files and list the missing or changed ones.",
        description = {
            "Each file is hashed again (SHA-256) and compared with what manifest.json recorded when it was "
                    + "downloaded, and with the checksum a user catalog pins, if any. Without MODEL, every recorded "
                    + "file is checked; a MODEL with nothing in the cache is reported as not cached.",
            "",
            "Exit code 4 if anything is missing, changed or not cached; 0 otherwise.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo verify",
            "  rdkzoo verify efficientnet_b2 resnet18",
            "  rdkzoo verify --format json",
        })
public final class VerifyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MODEL", arity = "0..*", description = "Models to verify (default: every recorded file).")
    List<String> models = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    ZooOptions zooOptions;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ZooModels zoo = zooOptions.open(context);
        Catalog catalog = zoo.catalog();
        ModelCache cache = zoo.cache();
        Map<String, ManifestEntry> manifest = cache.manifest();
        List<VerifyResult> results = new ArrayList<>();
        if (models.isEmpty()) {
            for (String file : manifest.keySet()) {
                results.add(cache.verify(file, pin(catalog, file)));
            }
        } else {
            for (String m : models) {
                CatalogEntry e = zoo.resolve(m);
                List<Artifact> present = e.artifacts().stream()
                        .filter(a -> manifest.containsKey(a.file()) || Files.exists(cache.path(a.file())))
                        .toList();
                for (Artifact a : present.isEmpty() ? e.artifacts().subList(0, 1) : present) {
                    results.add(cache.verify(a.file(), a));
                }
            }
        }
        long problems = results.stream().filter(r -> !r.ok()).count();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (VerifyResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", r.file());
                m.put("status", r.status().name().toLowerCase(Locale.ROOT));
                m.put("detail", r.detail());
                m.put("size", r.actualSize() >= 0 ? r.actualSize() : null);
                m.put("sha256", r.actualSha());
                m.put("expected_sha256", r.expectedSha());
                out.add(m);
            }
            context.out().println(Json.write(out));
        } else if (!results.isEmpty()) {
            TextTable t = new TextTable(List.of("Status", "File", "Size", "SHA-256", "Detail"));
            for (VerifyResult r : results) {
                t.add(List.of(r.status().name(), r.file(), r.actualSize() >= 0 ? Long.toString(r.actualSize()) : "-",
                        r.actualSha() == null ? "-" : r.actualSha(), r.detail()));
            }
            t.print(context.out());
        }
        context.out().flush();
        if (results.isEmpty()) {
            context.info("nothing is recorded in " + cache.dir() + "; nothing to verify");
        } else {
            context.info(results.size() + " file" + (results.size() == 1 ? "" : "s") + " checked, "
                    + (problems == 0 ? "all intact" : problems + " with problems"));
        }
        return problems == 0 ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }

    private static Artifact pin(Catalog catalog, String file) {
        return catalog.byFile(file).flatMap(e -> e.artifacts().stream().filter(a -> a.file().equals(file)).findFirst())
                .orElse(null);
    }
}
