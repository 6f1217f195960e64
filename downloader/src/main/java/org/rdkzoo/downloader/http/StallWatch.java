package org.rdkzoo.downloader.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;

/**
 * Cancels a call that has received nothing (no response, or no body bytes) for longer than the read timeout.
 *
 * <p>It stands in for OkHttp's read timeout, which okio enforces per read: every 8 KiB read was handed to
 * okio's watchdog thread and back (a lock and a wake-up each time), 15-20% of a fast loopback transfer. Here a
 * read only stores the time, and one check a fraction of the timeout apart does the rest.
 */
final class StallWatch implements AutoCloseable {
    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rdkzoo-stall-watch");
        t.setDaemon(true);
        return t;
    });

    private final Call call;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress;
    private volatile boolean stalled;

    private StallWatch(Call call, Duration timeout) {
        this.call = call;
        this.timeoutNanos = timeout.toNanos();
        this.lastProgress = System.nanoTime();
        if (timeoutNanos <= 0) {
            this.check = null; // no timeout: nothing to watch, as with OkHttp's readTimeout(0)
        } else {
            long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
            this.check = CHECKS.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts watching {@code call}.
     *
     * @param timeout the silence allowed; zero means none
     */
    static StallWatch start(Call call, Duration timeout) {
        return new StallWatch(call, timeout);
    }

    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** Records that bytes arrived. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether this watch cancelled the call (so its read failed for silence, not for another reason). */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        if (System.nanoTime() - lastProgress > timeoutNanos && !stalled) {
            stalled = true;
            call.cancel();
        }
    }

    @Override
    public void close() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
