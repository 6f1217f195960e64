package org.rdkzoo.downloader.cache;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the cache knows of one completed file: where it came from and what it was when it arrived.
 *
 * @param file         the file name in the cache folder
 * @param url          the URL it was fetched from (after redirects)
 * @param size         bytes
 * @param sha256       lower-case hex digest of the whole file
 * @param etag         the server's ETag, or null
 * @param lastModified the server's Last-Modified, or null
 * @param recordedAt   when it was recorded (ISO-8601, UTC)
 * @param pinned       true when the catalog pinned this digest before the download (else it was
 *                     recorded on first download and only later changes can be detected)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(String file, String url, long size, String sha256, String etag, String lastModified,
        String recordedAt, boolean pinned) {
}
