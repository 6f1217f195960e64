package org.rdkzoo.downloader.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.http.HttpClients;
import org.rdkzoo.downloader.http.HttpDownloader;
import org.rdkzoo.downloader.http.ProxySettings;
import org.rdkzoo.downloader.http.RetryPolicy;
import org.rdkzoo.downloader.pull.PullResult;
import org.rdkzoo.downloader.pull.Puller;

/**
 * A separate JVM that pulls one file, for the tests that need a second process (a concurrent pull, a
 * process killed mid-download). Usage: {@code PullProcess CACHE_DIR FILE URL}. Prints the outcome.
 */
public final class PullProcess {
    private PullProcess() {
    }

    public static void main(String[] args) throws Exception {
        ModelCache cache = new ModelCache(Path.of(args[0]));
        Artifact artifact = new Artifact(ArtifactFormat.BIN, args[1], List.of(URI.create(args[2])), null, null, null);
        HttpDownloader downloader = new HttpDownloader(
                HttpClients.create("rdkzoo/test-child", ProxySettings.direct(), Duration.ofSeconds(5), Duration.ofSeconds(30)),
                RetryPolicy.DEFAULT, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), new Random());
        PullResult r = new Puller(cache, downloader, List.of(), Clock.systemUTC()).pull(artifact,
                new org.rdkzoo.downloader.http.DownloadListener() {
                    @Override
                    public void started(String file, URI url, long offset, long total) {
                        System.out.println("STARTED " + offset);
                        System.out.flush();
                    }
                });
        System.out.println("OUTCOME " + r.outcome() + " " + r.sha256());
        System.exit(r.ok() ? 0 : 1);
    }

    /** Starts this class in a new JVM on the test class path. */
    public static Process start(Path cacheDir, String file, URI url, Path log) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), PullProcess.class.getName(), cacheDir.toString(), file,
                url.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
