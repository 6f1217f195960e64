package org.rdkzoo.downloader.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The bytes served do not match the size or SHA-256 the catalog pins. They have been deleted: the
 * cache never keeps them.
 */
public final class ChecksumMismatchException extends DownloadException {
    public ChecksumMismatchException(String file, List<String> reasons, Path destination, URI url, Path part) {
        super(file, file + " does not match its pinned checksum; the downloaded bytes were deleted", reasons,
                destination, url, part);
    }
}
