package org.rdkzoo.downloader.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: every artifact is identified by the lower-case hex digest of its bytes. */
public final class Sha256 {
    private static final int BUFFER = 1 << 20;

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The digest of a whole file. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        update(digest, file, Long.MAX_VALUE);
        return hex(digest.digest());
    }

    /** Feeds the first {@code length} bytes of {@code file} (or all of it, if shorter) into {@code digest}. */
    public static long update(MessageDigest digest, Path file, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long total = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (total < length) {
                buffer.clear();
                if (length - total < buffer.capacity()) {
                    buffer.limit((int) (length - total));
                }
                int n = ch.read(buffer);
                if (n < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, n);
                total += n;
            }
        }
        return total;
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
