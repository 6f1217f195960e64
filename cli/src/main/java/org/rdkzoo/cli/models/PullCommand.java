package org.rdkzoo.cli.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.NotCachedException;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.UnknownModelException;
import org.rdkzoo.downloader.http.ChecksumMismatchException;
import org.rdkzoo.downloader.http.HttpClients;
import org.rdkzoo.downloader.http.HttpDownloader;
import org.rdkzoo.downloader.http.ProxySettings;
import org.rdkzoo.downloader.http.RetryPolicy;
import org.rdkzoo.downloader.http.Sleeper;
import org.rdkzoo.downloader.pull.PullResult;
import org.rdkzoo.downloader.pull.Puller;
import org.rdkzoo.evaluator.provenance.RdkzooVersion;

import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo pull}: fetch artifacts into the cache, verified and resumable. */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        header = "Download zoo artifacts into the cache: verified, resumable, shared between processes.",
        description = {
            "Each file streams into <file>.part beside its place in the cache, is hashed (SHA-256) as it arrives, "
                    + "and is moved into place only when its size and digest check out; manifest.json then records "
                    + "its URL, size, digest, ETag/Last-Modified and time, and later pulls re-use it without the "
                    + "network. An interrupted download (a dropped connection, Ctrl-C, a crash) resumes where it "
                    + "stopped, in this run or the next; two pulls of the same file share one download.",
            "",
            "Failed attempts are retried with backoff (connection errors, timeouts, HTTP 408/429/5xx, honouring "
                    + "Retry-After); --mirror URLs are tried first, then the catalog's. The zoo publishes no "
                    + "checksums: the first download's digest is recorded and `rdkzoo verify` flags any later change; "
                    + "pin sha256 and size in a user catalog (--catalog) to check the very first download too.",
            "",
            "Proxies: --proxy, else https_proxy/HTTPS_PROXY for https and http_proxy for http URLs, from the "
                    + "environment; hosts listed in no_proxy/NO_PROXY are always reached directly.",
            "",
            "Stdout gets the path of each file pulled, one per line; progress and messages go to stderr.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo pull efficientnet_b2",
            "  rdkzoo pull EfficientNet_B3_224x224_nv12 efficientnet_b4 --format all",
            "  rdkzoo pull --family RepVGG --jobs 4",
            "  rdkzoo pull --all --mirror http://mirror.lan/rdk_x5/ --dir /data/zoo",
            "  rdkzoo pull resnet18 --offline      # exit 5 if it is not cached",
            "",
            "Exit codes: 0 all pulled; 1 a download failed (network, server);",
            "2 unknown model or bad option; 4 a checksum mismatch (the bytes were",
            "deleted); 5 --offline and a file is not in the cache.",
        })
public final class PullCommand implements Callable<Integer> {
    /** Which artifacts of each model to pull. */
    enum Format {
        BIN, ONNX, ALL
    }

    private final CliContext context;

    @Parameters(paramLabel = "MODEL", arity = "0..*",
            description = "Models to pull: short id (efficientnet_b2), file stem or file name, any case.")
    List<String> models = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bin",
            description = "bin (the BPU model), onnx (the float model) or all (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--family", paramLabel = "F", description = "Every model of this family.")
    List<String> families = new ArrayList<>();

    @Option(names = "--all", description = "Every model in the catalog.")
    boolean all;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "4",
            description = "Files downloaded at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "A base URL holding the same files, tried before the catalog's URLs. Repeatable, in order.")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--offline", description = "Use only the cache; fail (exit 5) for anything not in it.")
    boolean offline;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "HTTP proxy, http://[user:pass@]host:port (default: from https_proxy/http_proxy).")
    String proxy;

    @Option(names = {"-q", "--quiet"}, description = "No progress, only warnings and errors.")
    boolean quiet;

    @Mixin
    ZooOptions zooOptions;

    PullCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (jobs < 1) {
            throw new CliException(ExitCodes.USAGE, "--jobs must be at least 1, was " + jobs);
        }
        // The HTTP client's TLS set-up (trust store, SSL context: ~0.15 s in a cold JVM) runs beside catalog
        // reading rather than after it.
        FutureTask<OkHttpClient> client = offline ? null : new FutureTask<>(client(proxies()));
        if (client != null) {
            Thread t = new Thread(client, "rdkzoo-http-setup");
            t.setDaemon(true);
            t.start();
        }
        Catalog catalog = zooOptions.catalog(context);
        List<Artifact> artifacts = select(catalog);
        ModelCache cache = zooOptions.cache(context);
        Puller puller = offline ? Puller.offline(cache, context.clock()) : online(cache, await(client));
        PullProgress listener = new PullProgress(context, quiet, jobs > 1 && artifacts.size() > 1);
        List<PullResult> results = puller.pullAll(artifacts, jobs, listener);

        int downloaded = 0;
        int cached = 0;
        List<PullResult> failed = new ArrayList<>();
        for (PullResult r : results) {
            switch (r.outcome()) {
                case DOWNLOADED -> downloaded++;
                case CACHED -> cached++;
                default -> failed.add(r);
            }
            if (r.ok()) {
                context.out().println(r.path());
            }
        }
        context.out().flush();
        for (PullResult r : failed) {
            context.err().println("rdkzoo: error: " + r.failure().getMessage());
        }
        if (!quiet || !failed.isEmpty()) {
            context.info(results.size() + " file" + (results.size() == 1 ? "" : "s") + ": " + downloaded
                    + " downloaded, " + cached + " already cached" + (failed.isEmpty() ? "" : ", " + failed.size()
                    + " failed") + " (cache: " + cache.dir() + ")");
        }
        return exitCode(failed);
    }

    /** 4 if any checksum failed; else 1 if any download failed; else 5 if something was not cached offline. */
    static int exitCode(List<PullResult> failed) {
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        if (failed.stream().anyMatch(r -> r.failure() instanceof ChecksumMismatchException)) {
            return ExitCodes.INTEGRITY;
        }
        if (failed.stream().allMatch(r -> r.failure() instanceof NotCachedException)) {
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.FAILURE;
    }

    private ProxySettings proxies() {
        ProxySettings proxies;
        try {
            proxies = ProxySettings.of(proxy, context.env());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (context.verbose()) {
            context.info("network: " + proxies.describe());
        }
        return proxies;
    }

    private static Callable<OkHttpClient> client(ProxySettings proxies) {
        return () -> HttpClients.create("rdkzoo/" + RdkzooVersion.get(), proxies);
    }

    private static OkHttpClient await(FutureTask<OkHttpClient> client) throws InterruptedException {
        try {
            return client.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("could not set up the HTTP client: " + e.getCause(), e.getCause());
        }
    }

    private Puller online(ModelCache cache, OkHttpClient client) {
        HttpDownloader downloader = new HttpDownloader(client, RetryPolicy.DEFAULT, context.clock(), Sleeper.SYSTEM,
                new Random());
        return new Puller(cache, downloader, mirrorUrls(), context.clock());
    }

    private List<URI> mirrorUrls() {
        List<URI> out = new ArrayList<>();
        for (String m : mirrors) {
            try {
                URI u = new URI(m);
                if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                        || u.getHost() == null) {
                    throw new URISyntaxException(m, "not an http:// or https:// URL");
                }
                out.add(u);
            } catch (URISyntaxException e) {
                throw new CliException(ExitCodes.USAGE, "--mirror " + m + ": " + e.getReason(), e);
            }
        }
        return out;
    }

    /** The artifacts asked for, in order; a model named explicitly must have the format asked for. */
    private List<Artifact> select(Catalog catalog) {
        if (models.isEmpty() && families.isEmpty() && !all) {
            throw new CliException(ExitCodes.USAGE, "name the models to pull, or use --family F or --all "
                    + "(see `rdkzoo models`)");
        }
        Set<CatalogEntry> named = new LinkedHashSet<>();
        Set<CatalogEntry> chosen = new LinkedHashSet<>();
        try {
            for (String m : models) {
                CatalogEntry e = catalog.resolve(m);
                named.add(e);
                chosen.add(e);
            }
            for (String f : families) {
                chosen.addAll(catalog.family(f));
            }
        } catch (UnknownModelException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (all) {
            chosen.addAll(catalog.entries());
        }
        List<Artifact> artifacts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (CatalogEntry e : chosen) {
            for (ArtifactFormat f : formats()) {
                Optional<Artifact> a = e.artifact(f);
                if (a.isPresent()) {
                    artifacts.add(a.get());
                } else if (format != Format.ALL) {
                    if (named.contains(e)) {
                        throw new CliException(ExitCodes.USAGE, e.id() + " has no ." + f.id()
                                + " in the catalog (the zoo publishes none for it)");
                    }
                    skipped.add(e.id());
                }
            }
        }
        if (!skipped.isEmpty() && !quiet) {
            context.info("no ." + format.name().toLowerCase(Locale.ROOT) + " published for "
                    + String.join(", ", skipped) + "; skipped");
        }
        return artifacts;
    }

    private List<ArtifactFormat> formats() {
        return switch (format) {
            case BIN -> List.of(ArtifactFormat.BIN);
            case ONNX -> List.of(ArtifactFormat.ONNX);
            case ALL -> List.of(ArtifactFormat.BIN, ArtifactFormat.ONNX);
        };
    }
}
