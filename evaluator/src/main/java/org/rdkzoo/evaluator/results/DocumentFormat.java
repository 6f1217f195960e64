package org.rdkzoo.evaluator.results;

import java.io.IOException;
import java.nio.file.Path;

import org.rdkzoo.evaluator.provenance.RdkzooVersion;

/** The {@code format} field every rdkzoo document starts with ({@code rdkzoo.<kind>/<major>}), checked on read. */
final class DocumentFormat {
    private DocumentFormat() {
    }

    /** Refuses a document of another kind, or of a major version this rdkzoo does not read. */
    static void check(Path file, String kind, String found, String expected) throws IOException {
        if (found == null || !found.startsWith("rdkzoo." + kind + "/")) {
            throw new IOException(file + ": not an rdkzoo " + kind + " file (field 'format' is " + (found == null
                    ? "missing" : "'" + found + "'") + ", expected '" + expected + "')");
        }
        if (!found.equals(expected)) {
            throw new IOException(file + ": " + kind + " format '" + found + "' is not supported by rdkzoo "
                    + RdkzooVersion.get() + " (expected '" + expected + "')");
        }
    }
}
