package org.rdkzoo.cli.models;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ArtifactState;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.VerifyResult;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.PublishedFigures;
import org.rdkzoo.evaluator.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo info MODEL}: everything the catalog says of a model, and its files' state in the cache. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        header = "Show a model's catalog entry and the state of its files in the cache.",
        description = {
            "MODEL is a short id (efficientnet_b3), a file stem (EfficientNet_B3_224x224_nv12) or a file name, "
                    + "in any case. Cached files are re-hashed and compared with the manifest (\"verified\").",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo info efficientnet_b3",
            "  rdkzoo info EfficientNet_B3_224x224_nv12 --format json",
        })
public final class InfoCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MODEL", description = "The model.")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    ZooOptions zooOptions;

    InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ZooModels zoo = zooOptions.open(context);
        CatalogEntry e = zoo.resolve(model);
        ModelCache cache = zoo.cache();
        Map<String, ManifestEntry> manifest = cache.manifest();
        if (format == OutputFormat.JSON) {
            Map<String, Object> m = ModelViews.json(e);
            m.put("cache_dir", cache.dir().toString());
            for (Artifact a : e.artifacts()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> view = (Map<String, Object>) m.get(a.format().id());
                view.put("cache", cacheJson(cache, a, manifest));
            }
            context.out().println(Json.write(m));
            context.out().flush();
            return ExitCodes.OK;
        }
        PrintWriter out = context.out();
        out.println(e.name() + " (" + e.id() + ")");
        field(out, "family", e.family());
        field(out, "stem", e.stem());
        field(out, "input", e.inputSize() + ", " + e.classes() + " classes");
        field(out, "source", e.source() == null ? "(not stated)" : e.source());
        out.println("  published (RDK X5, the zoo's README):");
        PublishedFigures f = e.figures();
        figure(out, "params", f.paramsM(), " M");
        figure(out, "float Top-1", f.floatTop1(), " %");
        figure(out, "quant Top-1", f.quantTop1(), " %");
        figure(out, "latency, 1 thread", f.latency1tMs(), " ms");
        figure(out, "latency, 4 threads", f.latencyMtMs(), " ms");
        figure(out, "FPS (4 threads)", f.fps(), "");
        for (String note : e.notes()) {
            field(out, "note", note);
        }
        field(out, "defined in", e.origin());
        for (Artifact a : e.artifacts()) {
            out.println("  " + a.format().id() + ": " + a.file());
            for (var url : a.urls()) {
                field(out, "  url", url.toString());
            }
            if (a.note() != null) {
                field(out, "  note", a.note());
            }
            field(out, "  pinned", a.sha256() == null && a.size() == null ? "no (recorded on first download)"
                    : "sha256 " + (a.sha256() == null ? "-" : a.sha256()) + ", size "
                            + (a.size() == null ? "-" : a.size() + " bytes"));
            for (Map.Entry<String, Object> c : cacheJson(cache, a, manifest).entrySet()) {
                if (c.getValue() != null) {
                    field(out, "  " + c.getKey().replace('_', ' '), c.getValue().toString());
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> cacheJson(ModelCache cache, Artifact a, Map<String, ManifestEntry> manifest)
            throws IOException {
        ArtifactState s = cache.state(a, manifest);
        Map<String, Object> m = new LinkedHashMap<>();
        String state;
        if (s.recorded() != null && s.present()) {
            VerifyResult v = cache.verify(a.file(), a);
            state = v.ok() ? "cached, verified" : "cached but " + v.status().name().toLowerCase(Locale.ROOT) + ": " + v.detail();
        } else if (s.recorded() != null) {
            state = "recorded but the file is missing";
        } else if (s.present()) {
            state = "on disk but not recorded (not trusted)";
        } else {
            state = "not cached";
        }
        m.put("state", state);
        m.put("path", s.path().toString());
        m.put("size", s.present() ? s.sizeOnDisk() : null);
        ManifestEntry r = s.recorded();
        m.put("sha256", r == null ? null : r.sha256());
        m.put("downloaded_from", r == null ? null : r.url());
        m.put("recorded_at", r == null ? null : r.recordedAt());
        m.put("etag", r == null ? null : r.etag());
        m.put("partial_bytes", s.partialBytes() >= 0 ? s.partialBytes() : null);
        return m;
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("  %-22s %s%n", name + ":", value);
    }

    private static void figure(PrintWriter out, String name, BigDecimal value, String unit) {
        out.printf("    %-20s %s%n", name + ":", value == null ? "(not published)" : value.toPlainString() + unit);
    }

}
