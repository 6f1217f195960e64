package org.rdkzoo.downloader.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    static final URI ARCHIVE = URI.create("https://archive.d-robotics.cc/downloads/x.bin");

    @StartStop
    final MockWebServer proxy = new MockWebServer();

    @Test
    void environmentProxiesApplyPerSchemeAndNoProxyBypassesThem() {
        ProxySettings p = ProxySettings.of(null, Map.of("HTTPS_PROXY", "http://corp:3128", "http_proxy", "plain:8080",
                "no_proxy", "localhost, .lan,10.0.0.7:80"));
        assertEquals(URI.create("http://corp:3128"), p.proxyFor(ARCHIVE));
        assertEquals(URI.create("http://plain:8080"), p.proxyFor(URI.create("http://example.org/x")));
        assertNull(p.proxyFor(URI.create("http://localhost:9000/x")));
        assertNull(p.proxyFor(URI.create("http://mirror.lan/x")));
        assertNull(p.proxyFor(URI.create("http://10.0.0.7/x")));
        assertEquals(URI.create("http://plain:8080"), p.proxyFor(URI.create("http://notlan/x")));
    }

    @Test
    void lowerCaseWinsAndUpperCaseHttpProxyIsIgnored() {
        ProxySettings p = ProxySettings.of(null, Map.of("https_proxy", "http://a:1", "HTTPS_PROXY", "http://b:2",
                "HTTP_PROXY", "http://evil:3"));
        assertEquals(URI.create("http://a:1"), p.proxyFor(ARCHIVE));
        assertNull(p.proxyFor(URI.create("http://example.org/")));
    }

    @Test
    void explicitProxyWinsButNoProxyStillApplies() {
        ProxySettings p = ProxySettings.of("http://flag:9999", Map.of("https_proxy", "http://env:1", "NO_PROXY", "*"));
        assertNull(p.proxyFor(ARCHIVE), "* bypasses every host");
        ProxySettings q = ProxySettings.of("flag:9999", Map.of("https_proxy", "http://env:1"));
        assertEquals(URI.create("http://flag:9999"), q.proxyFor(ARCHIVE));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("flag", 9999))),
                q.selector().select(ARCHIVE));
        assertTrue(q.describe().startsWith("proxy http://flag:9999"), q.describe());
    }

    @Test
    void aProxyThatIsNotHttpIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxySettings.of("socks5://s:1080", Map.of()));
        assertEquals("--proxy must be an http:// proxy URL like http://proxy:3128, found 'socks5://s:1080'",
                e.getMessage());
    }

    @Test
    void requestsGoThroughTheProxyWithCredentialsFromItsUrl() throws Exception {
        proxy.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=x").build());
        proxy.enqueue(new MockResponse.Builder().body("through the proxy").build());
        String url = "http://user:secret@" + proxy.getHostName() + ":" + proxy.getPort();
        ProxySettings settings = ProxySettings.of(url, Map.of());
        var client = HttpClients.create("rdkzoo/test", settings, Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (var response = client.newCall(new okhttp3.Request.Builder().url("http://models.example/x.bin").build())
                .execute()) {
            assertEquals("through the proxy", response.body().string());
        }
        RecordedRequest first = proxy.takeRequest();
        RecordedRequest second = proxy.takeRequest();
        assertEquals("GET http://models.example/x.bin HTTP/1.1", first.getRequestLine());
        assertEquals(okhttp3.Credentials.basic("user", "secret"), second.getHeaders().get("Proxy-Authorization"));
        assertEquals("rdkzoo/test", second.getHeaders().get("User-Agent"));
    }
}
