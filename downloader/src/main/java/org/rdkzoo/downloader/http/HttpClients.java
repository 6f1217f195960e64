package org.rdkzoo.downloader.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/** The OkHttp client rdkzoo downloads with. */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * A client that identifies itself as {@code userAgent}, goes through the given proxies, and leaves
     * retrying to {@link HttpDownloader} (OkHttp's silent retries would hide failures from its policy).
     *
     * @param readTimeout how long a stalled body may stay silent before the attempt fails and is retried
     */
    public static OkHttpClient create(String userAgent, ProxySettings proxies, Duration connectTimeout,
            Duration readTimeout) {
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", userAgent).build()))
                .proxySelector(proxies.selector())
                .proxyAuthenticator((route, response) -> {
                    if (route == null || response.request().header("Proxy-Authorization") != null) {
                        return null; // no credentials, or they were refused: give up
                    }
                    Proxy proxy = route.proxy();
                    String host = proxy.address() instanceof InetSocketAddress a ? a.getHostString() : "";
                    String userInfo = proxies.credentialsFor(host);
                    if (userInfo == null) {
                        return null;
                    }
                    int colon = userInfo.indexOf(':');
                    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
                    String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
                    return response.request().newBuilder()
                            .header("Proxy-Authorization", Credentials.basic(user, pass)).build();
                })
                .retryOnConnectionFailure(false)
                .followRedirects(true)
                .followSslRedirects(true)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .build();
    }

    /** {@link #create} with a 15 s connect timeout and a 60 s read timeout. */
    public static OkHttpClient create(String userAgent, ProxySettings proxies) {
        return create(userAgent, proxies, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }
}
