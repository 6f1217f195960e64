package org.rdkzoo.downloader.pull;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rdkzoo.downloader.cache.ArtifactState;
import org.rdkzoo.downloader.cache.LockedFiles;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.NotCachedException;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.http.DownloadListener;
import org.rdkzoo.downloader.http.DownloadRequest;
import org.rdkzoo.downloader.http.DownloadResult;
import org.rdkzoo.downloader.http.HttpDownloader;

/**
 * Brings artifacts into the cache: re-uses a recorded file without touching the network, else
 * downloads it (mirrors first) and records it in the manifest. One artifact is fetched by one thread
 * or process at a time; the others wait on its lock and then re-use what it fetched.
 */
public final class Puller {
    private final ModelCache cache;
    private final HttpDownloader downloader;
    private final List<URI> mirrors;
    private final Clock clock;

    /**
     * @param downloader null for offline mode: only cached files are served
     * @param mirrors    base URLs tried, in order, before an artifact's own URLs
     */
    public Puller(ModelCache cache, HttpDownloader downloader, List<URI> mirrors, Clock clock) {
        this.cache = cache;
        this.downloader = downloader;
        this.mirrors = List.copyOf(mirrors);
        this.clock = clock;
    }

    /** A puller that never uses the network. */
    public static Puller offline(ModelCache cache, Clock clock) {
        return new Puller(cache, null, List.of(), clock);
    }

    /**
     * Pulls each artifact (duplicates once), {@code jobs} at a time. Failures are returned in the results,
     * in the order asked; only an interrupt ends the whole pull early.
     */
    public List<PullResult> pullAll(List<Artifact> artifacts, int jobs, DownloadListener listener)
            throws InterruptedException {
        Map<String, Artifact> unique = new LinkedHashMap<>();
        artifacts.forEach(a -> unique.putIfAbsent(a.file(), a));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, unique.size())), r -> {
            Thread t = new Thread(r, "rdkzoo-pull");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PullResult>> futures = new ArrayList<>();
            for (Artifact a : unique.values()) {
                futures.add(pool.submit(() -> pullCapturing(a, listener)));
            }
            List<PullResult> results = new ArrayList<>();
            for (Future<PullResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException ie) {
                        throw ie;
                    }
                    throw new IllegalStateException("a pull task failed unexpectedly", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private PullResult pullCapturing(Artifact artifact, DownloadListener listener) throws InterruptedException {
        try {
            return pull(artifact, listener);
        } catch (IOException | RuntimeException e) {
            listener.failed(artifact.file(), e.getMessage());
            return new PullResult(artifact, PullResult.Outcome.FAILED, null, -1, null, e);
        }
    }

    /**
     * Pulls one artifact.
     *
     * @throws NotCachedException when offline and the file is not usable from the cache
     * @throws org.rdkzoo.downloader.http.ChecksumMismatchException when the served bytes do not match the pin
     * @throws org.rdkzoo.downloader.http.DownloadException when no URL could serve it
     */
    public PullResult pull(Artifact artifact, DownloadListener listener) throws IOException, InterruptedException {
        String file = artifact.file();
        try (LockedFiles.Held lock = LockedFiles.acquire(cache.lockPath(file), () -> listener.waiting(file))) {
            // Checked under the lock: whoever held it before may just have fetched this very file.
            ArtifactState state = cache.state(artifact);
            if (state.usable()) {
                listener.cached(file, state.path(), state.sizeOnDisk());
                return new PullResult(artifact, PullResult.Outcome.CACHED, state.path(), state.sizeOnDisk(),
                        state.recorded().sha256(), null);
            }
            if (downloader == null) {
                throw new NotCachedException(file, file + " is " + (state.present() && state.recorded() != null
                        ? "in the cache but does not match its record" : "not in the cache (" + cache.dir() + ")")
                        + " and --offline forbids downloading it");
            }
            if (state.present() && state.recorded() != null) {
                listener.restarting(file, "the cached copy does not match its record or pin; fetching it again");
            }
            DownloadResult r = downloader.download(new DownloadRequest(file, urls(artifact), state.path(),
                    artifact.sha256(), artifact.size()), listener);
            cache.record(new ManifestEntry(file, r.url().toString(), r.size(), r.sha256(), r.etag(), r.lastModified(),
                    clock.instant().toString(), artifact.sha256() != null));
            listener.completed(file, r.path(), r.size(), r.sha256());
            return new PullResult(artifact, PullResult.Outcome.DOWNLOADED, r.path(), r.size(), r.sha256(), null);
        }
    }

    private List<URI> urls(Artifact artifact) {
        List<URI> urls = new ArrayList<>();
        for (URI m : mirrors) {
            urls.add(Artifact.urlUnder(m, artifact.file()));
        }
        for (URI u : artifact.urls()) {
            if (!urls.contains(u)) {
                urls.add(u);
            }
        }
        return urls;
    }
}
