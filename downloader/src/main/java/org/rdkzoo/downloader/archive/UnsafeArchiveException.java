package org.rdkzoo.downloader.archive;

import java.io.IOException;
import java.nio.file.Path;

/** An archive was refused: an entry would land outside the target, or it exceeds the limits. */
public final class UnsafeArchiveException extends IOException {
    public UnsafeArchiveException(Path archive, String problem) {
        super(archive + ": refused: " + problem + "; nothing was extracted");
    }
}
