package org.rdkzoo.evaluator.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** rdkzoo's own version, as the build stamped it into a resource. */
public final class RdkzooVersion {
    private static final String VERSION = load();

    private RdkzooVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = RdkzooVersion.class.getResourceAsStream("/org/rdkzoo/evaluator/rdkzoo.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
