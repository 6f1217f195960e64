package org.rdkzoo.cli.mapper;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.rdkzoo.mapperconfigs.toolchain.CancelToken;

/**
 * Ctrl-C (or SIGTERM) during a toolchain run: the JVM's shutdown hook cancels the run, which stops the
 * toolchain, and then waits until the command has written its record, since the JVM exits as soon as
 * its hooks return.
 */
final class InterruptHook implements AutoCloseable {
    /** How long the hook waits for the record; the toolchain's kill grace is well inside it. */
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch recorded = new CountDownLatch(1);
    private final Thread hook;

    InterruptHook(CancelToken cancel) {
        this.hook = new Thread(() -> {
            cancel.cancel();
            try {
                recorded.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rdkzoo-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        recorded.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now lets it go
        }
    }
}
