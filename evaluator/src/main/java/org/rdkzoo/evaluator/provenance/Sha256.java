package org.rdkzoo.evaluator.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, strings and bytes, as lower-case hex: the hash every rdkzoo record uses. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
        }
        return hex(md.digest());
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** The remaining bytes of {@code bytes}; its position is left where it was. */
    public static String of(ByteBuffer bytes) {
        MessageDigest md = digest();
        md.update(bytes.duplicate());
        return hex(md.digest());
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
