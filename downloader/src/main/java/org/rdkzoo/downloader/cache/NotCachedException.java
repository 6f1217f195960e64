package org.rdkzoo.downloader.cache;

/** An artifact a command needs is not (or no longer) in the cache; the message says how to get it. */
public final class NotCachedException extends RuntimeException {
    private final String file;

    public NotCachedException(String file, String message) {
        super(message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
