package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.rdkzoo.downloader.cache.AtomicFiles;
import org.rdkzoo.downloader.cache.CacheJson;

/**
 * The sidecar of a {@code .part} file: which URL and which version of the file its bytes belong to,
 * so that a later process can resume with {@code If-Range} and a server answer about a different
 * version restarts the file instead of splicing two versions together.
 *
 * @param url          the URL the bytes came from
 * @param etag         the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param total        the whole file's size, or -1 when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartState(String url, String etag, String lastModified, long total) {
    /**
     * The validator for {@code If-Range}: a strong ETag, else Last-Modified (RFC 9110 §13.1.5 forbids
     * weak ETags there), else null.
     */
    String validator() {
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return lastModified;
    }

    /** The saved state, or null when there is none or it cannot be read (the part then resumes without it). */
    static PartState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return CacheJson.mapper().readValue(file.toFile(), PartState.class);
        } catch (IOException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CacheJson.mapper().writeValue(tmp.toFile(), this);
        AtomicFiles.replace(tmp, file);
    }
}
