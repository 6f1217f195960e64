package org.rdkzoo.downloader.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which HTTP proxy a request goes through: an explicit one ({@code --proxy}), else the conventional
 * environment variables as curl reads them ({@code https_proxy}/{@code HTTPS_PROXY} for https URLs,
 * {@code http_proxy} for http ones), and in both cases none for hosts listed in
 * {@code no_proxy}/{@code NO_PROXY} (comma-separated host names or suffixes, {@code *} for all).
 */
public final class ProxySettings {
    private final URI explicit;
    private final URI https;
    private final URI http;
    private final List<String> noProxy;

    private ProxySettings(URI explicit, URI https, URI http, List<String> noProxy) {
        this.explicit = explicit;
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** No proxy at all. */
    public static ProxySettings direct() {
        return new ProxySettings(null, null, null, List.of());
    }

    /**
     * @param explicit the {@code --proxy} URL, or null to use the environment
     * @param env      the process environment
     * @throws IllegalArgumentException when a proxy URL is not {@code http://host:port}
     */
    public static ProxySettings of(String explicit, Map<String, String> env) {
        return new ProxySettings(parse(explicit, "--proxy"),
                parse(first(env, "https_proxy", "HTTPS_PROXY"), "https_proxy"),
                // Only the lower-case form: CGI servers set HTTP_PROXY from a request header ("httpoxy").
                parse(env.get("http_proxy"), "http_proxy"),
                hosts(first(env, "no_proxy", "NO_PROXY")));
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        return v != null && !v.isBlank() ? v : env.get(b);
    }

    private static URI parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.contains("://")) {
            v = "http://" + v;
        }
        try {
            URI uri = new URI(v);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http:// proxy URL like http://proxy:3128, found '"
                        + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: '" + value + "'", e);
        }
    }

    private static List<String> hosts(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String h : value.split(",")) {
            String t = h.trim().toLowerCase(Locale.ROOT);
            int colon = t.lastIndexOf(':');
            if (colon > 0 && t.indexOf(':') == colon) {
                t = t.substring(0, colon); // host:port: the port is ignored
            }
            if (!t.isEmpty()) {
                out.add(t.startsWith("*.") ? t.substring(1) : t);
            }
        }
        return out;
    }

    /** The proxy URL to use for {@code target}, or null for a direct connection. */
    public URI proxyFor(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (bypassed(host)) {
            return null;
        }
        if (explicit != null) {
            return explicit;
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? https : http;
    }

    private boolean bypassed(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String bare = entry.startsWith(".") ? entry.substring(1) : entry;
            if (h.equals(bare) || h.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }

    /** A human-readable summary for messages and --verbose. */
    public String describe() {
        if (explicit != null) {
            return "proxy " + redact(explicit) + (noProxy.isEmpty() ? "" : " (not for " + String.join(",", noProxy) + ")");
        }
        if (https == null && http == null) {
            return "direct";
        }
        return "https via " + (https == null ? "direct" : redact(https)) + ", http via "
                + (http == null ? "direct" : redact(http))
                + (noProxy.isEmpty() ? "" : " (not for " + String.join(",", noProxy) + ")");
    }

    private static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** A {@link ProxySelector} applying these settings, for OkHttp. */
    ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                URI p = proxyFor(uri);
                if (p == null) {
                    return List.of(Proxy.NO_PROXY);
                }
                int port = p.getPort() > 0 ? p.getPort() : 80;
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // OkHttp reports the failure to the caller; nothing to remember here.
            }
        };
    }

    /** Proxy credentials from the proxy URL's user info ({@code http://user:pass@host:port}), if any. */
    String credentialsFor(String proxyHost) {
        for (URI p : new URI[] {explicit, https, http}) {
            if (p != null && p.getHost().equalsIgnoreCase(proxyHost) && p.getRawUserInfo() != null) {
                return p.getUserInfo();
            }
        }
        return null;
    }
}
