package org.rdkzoo.downloader.cache;

import java.nio.file.Path;

/**
 * One artifact's state in the cache, from the manifest and the file system (no hashing).
 *
 * @param file         the file name
 * @param path         where it is or would be
 * @param present      the file exists
 * @param sizeOnDisk   its size, or -1 when absent
 * @param recorded     the manifest entry, or null when the manifest does not know the file
 * @param usable       present, recorded, of the recorded size, and matching any pin
 * @param partialBytes bytes of an interrupted download waiting to resume, or -1
 */
public record ArtifactState(String file, Path path, boolean present, long sizeOnDisk, ManifestEntry recorded,
        boolean usable, long partialBytes) {
}
