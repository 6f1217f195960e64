package org.rdkzoo.downloader.http;

import java.net.URI;
import java.nio.file.Path;

/**
 * A verified file in place.
 *
 * @param path         where it is
 * @param size         bytes
 * @param sha256       lower-case hex digest of the whole file
 * @param url          the URL that served it (after redirects)
 * @param etag         the server's ETag, or null
 * @param lastModified the server's Last-Modified, or null
 * @param resumed      true when some bytes came from an earlier attempt or process
 */
public record DownloadResult(Path path, long size, String sha256, URI url, String etag, String lastModified,
        boolean resumed) {
}
