package org.rdkzoo.cli.models;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.ConsoleProgress;
import org.rdkzoo.downloader.http.DownloadListener;

/**
 * Shows a pull on stderr: a progress task per file (a bar on a terminal, periodic lines otherwise),
 * and one line per notable event (waiting for another process, a retry, a restart, a failed mirror).
 * With {@code --quiet} only warnings remain.
 */
final class PullProgress implements DownloadListener {
    private final CliContext context;
    private final ConsoleProgress progress;
    private final boolean quiet;
    private final Map<String, ConsoleProgress.Task> tasks = new ConcurrentHashMap<>();

    PullProgress(CliContext context, boolean quiet, boolean concurrent) {
        this.context = context;
        this.quiet = quiet;
        this.progress = new ConsoleProgress(context, quiet, concurrent);
    }

    @Override
    public void waiting(String file) {
        info(file + ": another rdkzoo is fetching it; waiting to re-use its download");
    }

    @Override
    public void cached(String file, Path path, long size) {
        info(file + ": in the cache (" + size + " bytes)");
    }

    @Override
    public void started(String file, URI url, long offset, long total) {
        ConsoleProgress.Task previous = tasks.remove(file);
        if (previous != null) {
            previous.close();
        }
        if (offset > 0) {
            info(file + ": resuming at byte " + offset + (total > 0 ? " of " + total : ""));
        }
        tasks.put(file, progress.start(file, total, offset, ConsoleProgress.Unit.BYTES));
    }

    @Override
    public void progress(String file, long bytes) {
        ConsoleProgress.Task t = tasks.get(file);
        if (t != null) {
            t.stepTo(bytes);
        }
    }

    @Override
    public void retrying(String file, int attempt, Duration delay, String reason) {
        context.warn(String.format(Locale.ROOT, "%s: %s; retry %d in %.1f s", file, reason, attempt,
                delay.toMillis() / 1000.0));
    }

    @Override
    public void restarting(String file, String reason) {
        context.warn(file + ": " + reason + "; starting the file again");
    }

    @Override
    public void failedOver(String file, URI url, String reason) {
        context.warn(file + ": " + url + " failed (" + reason + "); trying the next URL");
    }

    @Override
    public void completed(String file, Path path, long size, String sha256) {
        close(file);
        info(file + ": " + size + " bytes, sha256 " + sha256);
    }

    @Override
    public void failed(String file, String reason) {
        close(file);
    }

    private void close(String file) {
        ConsoleProgress.Task t = tasks.remove(file);
        if (t != null) {
            t.close();
        }
    }

    private void info(String message) {
        if (!quiet) {
            context.info(message);
        }
    }
}
