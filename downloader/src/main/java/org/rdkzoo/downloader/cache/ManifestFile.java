package org.rdkzoo.downloader.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reads and writes {@code manifest.json}: {@code {"schema": 1, "artifacts": {file: entry}}}. Writes go
 * to a sibling temporary file renamed over the old one, so a crash never leaves half a manifest.
 */
final class ManifestFile {
    static final int SCHEMA = 1;
    private ManifestFile() {
    }

    /** The file's content on disk. */
    record Content(int schema, TreeMap<String, ManifestEntry> artifacts) {
    }

    static TreeMap<String, ManifestEntry> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            Content c = CacheJson.mapper().readValue(file.toFile(), Content.class);
            if (c.schema() > SCHEMA) {
                throw new IOException(file + ": written by a newer rdkzoo (manifest schema " + c.schema()
                        + "); this one reads schema " + SCHEMA);
            }
            return c.artifacts() == null ? new TreeMap<>() : new TreeMap<>(c.artifacts());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new IOException(where + ": the cache manifest is damaged (" + e.getOriginalMessage()
                    + "); move it aside and run `rdkzoo pull` again to re-record the files", e);
        }
    }

    static void write(Path file, Map<String, ManifestEntry> artifacts) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            CacheJson.mapper().writeValue(tmp.toFile(), new Content(SCHEMA, new TreeMap<>(artifacts)));
            AtomicFiles.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
