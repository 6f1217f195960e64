package org.rdkzoo.downloader.cache;

/**
 * The outcome of re-hashing one cached file.
 *
 * @param file         the file name
 * @param status       what was found
 * @param detail       a sentence for the user (what differs), or empty
 * @param expectedSize bytes per the manifest, or -1
 * @param actualSize   bytes on disk, or -1
 * @param expectedSha  digest per the manifest (or the catalog pin), or null
 * @param actualSha    digest of the bytes on disk, or null
 */
public record VerifyResult(String file, Status status, String detail, long expectedSize, long actualSize,
        String expectedSha, String actualSha) {

    /** What verification found. Everything but {@link #OK} is a problem. */
    public enum Status {
        /** The bytes match the manifest (and the catalog's pin, if any). */
        OK,
        /** The manifest records the file but it is gone. */
        MISSING,
        /** The bytes differ from what was recorded or pinned. */
        CHANGED,
        /** A model named for verification has no file in the cache. */
        NOT_CACHED
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
