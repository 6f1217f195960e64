package org.rdkzoo.downloader.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ReadAheadSocketsTest {

    @Test
    void deliversEveryByteInOrderAcrossManyBufferFills() throws Exception {
        byte[] sent = new byte[3 * ReadAheadSockets.BUFFER + 12_345];
        new Random(7).nextBytes(sent);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                    // Odd-sized writes, so reads meet buffer edges at many offsets.
                    for (int i = 0; i < sent.length; i += 7_001) {
                        out.write(sent, i, Math.min(7_001, sent.length - i));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket socket = new ReadAheadSockets().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                InputStream in = socket.getInputStream();
                assertSame(in, socket.getInputStream(), "every caller reads through the one read-ahead buffer");
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] segment = new byte[8192]; // okio's segment size: the reads OkHttp makes
                int n;
                while ((n = in.read(segment, 0, segment.length)) > 0) {
                    got.write(segment, 0, n);
                }
                assertArrayEquals(sent, got.toByteArray());
            }
            serving.get();
        }
    }

    @Test
    void connectingFactoryMethodsReturnReadAheadSockets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new ReadAheadSockets().createSocket(InetAddress.getLoopbackAddress(),
                        server.getLocalPort())) {
            assertTrue(socket.isConnected());
            assertSame(socket.getInputStream(), socket.getInputStream());
        }
    }
}
