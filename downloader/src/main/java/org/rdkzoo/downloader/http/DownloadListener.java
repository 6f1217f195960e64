package org.rdkzoo.downloader.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a pull reports as it goes, per file. Calls may come from several threads at once (one per
 * parallel download); every method has an empty default.
 */
public interface DownloadListener {
    /** A listener that ignores everything. */
    DownloadListener NONE = new DownloadListener() {
    };

    /** Another thread or process is fetching the same file; this one waits for it. */
    default void waiting(String file) {
    }

    /** The file was already in the cache and matched its record: no network used. */
    default void cached(String file, Path path, long size) {
    }

    /**
     * A response arrived and bytes are about to flow.
     *
     * @param offset bytes already on disk (a resume), else 0
     * @param total  the whole file's size, or -1 when the server does not say
     */
    default void started(String file, URI url, long offset, long total) {
    }

    /** {@code bytes} of the file are now on disk. */
    default void progress(String file, long bytes) {
    }

    /** An attempt failed in a way worth retrying; the next one starts after {@code delay}. */
    default void retrying(String file, int attempt, Duration delay, String reason) {
    }

    /** The partial file is discarded and the download starts again from byte 0. */
    default void restarting(String file, String reason) {
    }

    /** A URL failed for good; the next mirror is tried. */
    default void failedOver(String file, URI url, String reason) {
    }

    /** The file is verified and in place. */
    default void completed(String file, Path path, long size, String sha256) {
    }

    /** The file could not be fetched. */
    default void failed(String file, String reason) {
    }
}
