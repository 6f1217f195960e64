package org.rdkzoo.downloader.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One downloadable file of a catalog entry.
 *
 * @param format the kind of file
 * @param file   the file name, also its name in the cache
 * @param urls   where to fetch it, tried in order (never empty)
 * @param sha256 the pinned SHA-256 (lower-case hex), or null when the catalog pins none
 * @param size   the pinned size in bytes, or null
 * @param note   a caveat for users (e.g. that the URL is historical), or null
 */
public record Artifact(ArtifactFormat format, String file, List<URI> urls, String sha256, Long size, String note) {
    public Artifact {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("artifact " + file + " has no URL");
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
    }

    public Optional<String> pinnedSha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<Long> pinnedSize() {
        return Optional.ofNullable(size);
    }

    /** {@code file} under a base URL that is treated as a folder (a trailing slash is optional). */
    public static URI urlUnder(URI base, String file) {
        String b = base.toString();
        String encoded = URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(b.endsWith("/") ? b + encoded : b + "/" + encoded);
    }

    /** The file name without its extension. */
    public String stem() {
        return file.endsWith(format.extension()) ? file.substring(0, file.length() - format.extension().length()) : file;
    }
}
