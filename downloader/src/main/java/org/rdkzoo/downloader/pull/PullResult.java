package org.rdkzoo.downloader.pull;

import java.nio.file.Path;

import org.rdkzoo.downloader.catalog.Artifact;

/**
 * What a pull did for one artifact: either a file in the cache, or the failure.
 *
 * @param artifact what was asked for
 * @param outcome  how the file got there, or {@link Outcome#FAILED}
 * @param path     the cached file, or null on failure
 * @param size     bytes, or -1 on failure
 * @param sha256   the file's digest, or null on failure
 * @param failure  why it failed, or null
 */
public record PullResult(Artifact artifact, Outcome outcome, Path path, long size, String sha256, Exception failure) {

    /** How an artifact came to be (or not to be) in the cache. */
    public enum Outcome {
        /** Already cached and matching its record: no network. */
        CACHED,
        /** Fetched now (possibly resuming an earlier partial download). */
        DOWNLOADED,
        FAILED
    }

    public boolean ok() {
        return outcome != Outcome.FAILED;
    }
}
