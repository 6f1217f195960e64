package org.rdkzoo.mapperconfigs.toolchain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop, shared between whoever asks (a Ctrl-C shutdown hook, a sweep being stopped) and the
 * work that must stop (a running toolchain process). Once cancelled it stays cancelled.
 */
public final class CancelToken {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancels and runs every registered action once; later calls do nothing. */
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /**
     * Runs {@code action} on cancellation (at once if already cancelled). Close the returned handle when
     * the action no longer applies.
     */
    public Registration onCancel(Runnable action) {
        listeners.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> listeners.remove(action);
    }

    /** An action registered with {@link #onCancel}; closing it unregisters the action. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
