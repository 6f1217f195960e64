package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A file could not be fetched from any of its URLs. The message lists each URL with its reason, the
 * destination, and a {@code curl} command that continues the partial file by hand.
 */
public class DownloadException extends IOException {
    private final String file;
    private final List<String> reasons;
    private final Path destination;

    public DownloadException(String file, List<String> reasons, Path destination, URI url, Path part) {
        this(file, "could not download " + file, reasons, destination, url, part);
    }

    protected DownloadException(String file, String headline, List<String> reasons, Path destination, URI url,
            Path part) {
        super(message(headline, reasons, destination, url, part));
        this.file = file;
        this.reasons = List.copyOf(reasons);
        this.destination = destination;
    }

    private static String message(String headline, List<String> reasons, Path destination, URI url, Path part) {
        StringBuilder m = new StringBuilder(headline).append(':');
        for (String r : reasons) {
            m.append(System.lineSeparator()).append("  ").append(r);
        }
        m.append(System.lineSeparator()).append("  destination: ").append(destination);
        if (url != null && part != null) {
            m.append(System.lineSeparator()).append("  to fetch it by hand (continues the partial file), then pull")
                    .append(" again to verify and record it:").append(System.lineSeparator()).append("    ")
                    .append(curl(url, part));
        }
        return m.toString();
    }

    /** A curl command that fetches {@code url} into {@code part}, continuing what is there. */
    public static String curl(URI url, Path part) {
        return "curl -fL -C - -o " + quote(part.toString()) + " " + quote(url.toString());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    public String file() {
        return file;
    }

    /** One line per URL tried: the URL and why it failed. */
    public List<String> reasons() {
        return reasons;
    }

    public Path destination() {
        return destination;
    }
}
