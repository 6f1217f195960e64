package org.rdkzoo.downloader.http;

import java.time.Duration;
import java.util.Random;

/**
 * How hard one URL is tried before moving to the next mirror. Attempts and elapsed time count from
 * the last attempt that made progress: a large file over a flaky link keeps resuming as long as
 * bytes keep arriving.
 *
 * @param maxAttempts consecutive failed attempts without progress before giving up on a URL
 * @param baseDelay   the first backoff delay; each further failure doubles it
 * @param maxDelay    cap on one backoff delay
 * @param maxElapsed  give up when the next retry would start later than this after the last progress
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxElapsed) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * The delay before attempt {@code failures + 1}: exponential, capped, with "equal jitter" (half
     * fixed, half random) so parallel clients do not retry in lockstep.
     */
    public Duration backoff(int failures, Random random) {
        long base = baseDelay.toMillis();
        long exp = failures >= 31 ? Long.MAX_VALUE : base << Math.max(0, failures - 1);
        long capped = Math.min(maxDelay.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (capped - half))));
    }
}
