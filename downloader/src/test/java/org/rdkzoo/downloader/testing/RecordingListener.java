package org.rdkzoo.downloader.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.rdkzoo.downloader.http.DownloadListener;

/** Keeps every event as a line, for assertions. */
public final class RecordingListener implements DownloadListener {
    private final List<String> events = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return events;
    }

    public boolean has(String prefix) {
        return events.stream().anyMatch(e -> e.startsWith(prefix));
    }

    @Override
    public void waiting(String file) {
        events.add("waiting " + file);
    }

    @Override
    public void cached(String file, Path path, long size) {
        events.add("cached " + file + " " + size);
    }

    @Override
    public void started(String file, URI url, long offset, long total) {
        events.add("started " + file + " from " + offset + " of " + total);
    }

    @Override
    public void retrying(String file, int attempt, Duration delay, String reason) {
        events.add("retrying " + file + " #" + attempt + " in " + delay.toMillis() + " ms: " + reason);
    }

    @Override
    public void restarting(String file, String reason) {
        events.add("restarting " + file + ": " + reason);
    }

    @Override
    public void failedOver(String file, URI url, String reason) {
        events.add("failedOver " + file + " " + url + ": " + reason);
    }

    @Override
    public void completed(String file, Path path, long size, String sha256) {
        events.add("completed " + file + " " + size);
    }

    @Override
    public void failed(String file, String reason) {
        events.add("failed " + file + ": " + reason);
    }
}
