package org.rdkzoo.downloader.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on lock files, between processes and between threads. A {@link FileLock} is held
 * by the whole JVM (a second lock from another thread throws), so threads first take an in-process
 * lock for the same path; only the thread that holds it asks the OS for the file lock.
 */
public final class LockedFiles {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private LockedFiles() {
    }

    /**
     * Blocks until this thread holds the lock on {@code lockFile}; calls {@code onWait} once if someone
     * else (another thread or process) holds it first.
     */
    public static Held acquire(Path lockFile, Runnable onWait) throws IOException, InterruptedException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds " + key);
        }
        boolean waited = false;
        if (!local.tryLock()) {
            onWait.run();
            waited = true;
            local.lockInterruptibly();
        }
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    if (!waited) {
                        onWait.run();
                    }
                    lock = channel.lock();
                }
                return new Held(local, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** A held lock; closing releases it (idempotent). */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean closed;

        private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    local.unlock();
                }
            }
        }
    }
}
