package org.rdkzoo.downloader.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One file to fetch.
 *
 * @param file           the name reported to listeners
 * @param urls           tried in order (mirrors first)
 * @param target         where the verified file ends up; {@code <target>.part} holds the bytes meanwhile
 * @param expectedSha256 the pinned digest (lower-case hex), or null to accept and report any
 * @param expectedSize   the pinned size, or null
 */
public record DownloadRequest(String file, List<URI> urls, Path target, String expectedSha256, Long expectedSize) {
    public DownloadRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no URL to download " + file + " from");
        }
    }

    public Path partPath() {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** The resume state of the {@code .part}: URL and validator, so a later process can send If-Range. */
    public Path partStatePath() {
        return target.resolveSibling(target.getFileName() + ".part.json");
    }
}
