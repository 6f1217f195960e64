package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.rdkzoo.downloader.cache.AtomicFiles;

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
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
            return MAPPER.readValue(file.toFile(), PartState.class);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), this);
        AtomicFiles.replace(tmp, file);
    }
}
