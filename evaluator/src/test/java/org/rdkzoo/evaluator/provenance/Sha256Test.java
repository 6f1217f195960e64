package org.rdkzoo.evaluator.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void knownDigestOfAString() {
        // FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc"));
    }

    @Test
    void aBufferIsHashedFromItsPositionToItsLimitAndLeftWhereItWas() {
        byte[] bytes = new byte[100_000];
        Arrays.fill(bytes, (byte) 7);
        bytes[0] = 1;
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).position(10).limit(90_000);

        String digest = Sha256.of(direct);

        assertEquals(Sha256.of(Arrays.copyOfRange(bytes, 10, 90_000)), digest);
        assertEquals(10, direct.position());
        assertEquals(90_000, direct.limit());
        assertEquals(Sha256.of("abc".getBytes(StandardCharsets.UTF_8)),
                Sha256.of(ByteBuffer.wrap("xabcx".getBytes(StandardCharsets.UTF_8), 1, 3)));
    }
}
