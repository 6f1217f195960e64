package org.rdkzoo.downloader.archive;

/**
 * Bounds on what one archive may unpack to, against archive bombs.
 *
 * @param maxTotalBytes the sum of the unpacked file sizes (counted as written, not as declared)
 * @param maxEntries    the number of entries
 */
public record ArchiveLimits(long maxTotalBytes, int maxEntries) {
    /** Room for an OE toolchain package or a calibration set, but not for a bomb. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(64L << 30, 1_000_000);

    public ArchiveLimits {
        if (maxTotalBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("archive limits must be positive: " + maxTotalBytes + ", " + maxEntries);
        }
    }
}
