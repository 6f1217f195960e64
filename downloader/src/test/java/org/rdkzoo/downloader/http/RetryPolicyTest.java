package org.rdkzoo.downloader.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));

    @Test
    void backoffDoublesUpToTheCapWithHalfOfItRandom() {
        Random random = new Random(1);
        long[] caps = {1000, 2000, 4000, 8000, 8000, 8000};
        for (int failures = 1; failures <= caps.length; failures++) {
            long ms = policy.backoff(failures, random).toMillis();
            long cap = caps[failures - 1];
            assertTrue(ms >= cap / 2 && ms <= cap, failures + " failures: " + ms + " ms");
        }
        long huge = policy.backoff(200, new Random(2)).toMillis();
        assertTrue(huge >= 4000 && huge <= 8000, "no overflow after many failures: " + huge);
    }

    @Test
    void jitterSpreadsClientsApart() {
        assertNotEquals(policy.backoff(3, new Random(1)), policy.backoff(3, new Random(2)));
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDatesAndIgnoresGarbage() {
        Instant now = Instant.parse("2026-05-01T08:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Fri, 01 May 2026 08:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Fri, 01 May 2026 07:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }
}
