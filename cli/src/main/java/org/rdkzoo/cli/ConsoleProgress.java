package org.rdkzoo.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a bar (count, rate, ETA) on a terminal, plain periodic lines otherwise (logs and
 * CI), nothing with {@code --quiet}. Modules report progress through their own listener interfaces;
 * commands adapt those to a {@link Task}.
 */
public final class ConsoleProgress {
    /** How often a plain-line task prints when stderr is not a terminal. */
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    public enum Unit {
        BYTES, IMAGES, ITEMS
    }

    private final CliContext context;
    private final boolean quiet;
    private final boolean concurrent;

    public ConsoleProgress(CliContext context, boolean quiet) {
        this(context, quiet, false);
    }

    /**
     * @param concurrent several tasks run at once (parallel downloads): on a terminal each bar keeps its
     *                   own line instead of all redrawing the same one
     */
    public ConsoleProgress(CliContext context, boolean quiet, boolean concurrent) {
        this.context = context;
        this.quiet = quiet;
        this.concurrent = concurrent;
    }

    /** Starts a task of {@code total} units ({@code -1} when unknown). */
    public Task start(String name, long total, Unit unit) {
        return start(name, total, 0, unit);
    }

    /**
     * Starts a task that resumes at {@code initial} units (a download continuing a partial file): rate
     * and ETA count only the work done from here.
     */
    public Task start(String name, long total, long initial, Unit unit) {
        if (quiet) {
            return new Silent();
        }
        if (context.terminal()) {
            return new Bar(name, total, initial, unit, concurrent);
        }
        return new Plain(name, total, initial, unit);
    }

    /** One unit of work being reported. Close it when the work ends, successfully or not. */
    public interface Task extends AutoCloseable {
        void stepTo(long done);

        void stepBy(long delta);

        /** Replaces the short text after the counts (a running Top-1, a file name). */
        void extra(String text);

        /** A new total, when it becomes known after the start (an HTTP Content-Length). */
        void total(long total);

        @Override
        void close();
    }

    static String format(long value, Unit unit) {
        if (unit != Unit.BYTES) {
            return Long.toString(value);
        }
        if (value < 1024) {
            return value + " B";
        }
        double v = value;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    static String eta(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static final class Silent implements Task {
        @Override
        public void stepTo(long done) {
        }

        @Override
        public void stepBy(long delta) {
        }

        @Override
        public void extra(String text) {
        }

        @Override
        public void total(long total) {
        }

        @Override
        public void close() {
        }
    }

    private static final class Bar implements Task {
        private final ProgressBar bar;

        Bar(String name, long total, long initial, Unit unit, boolean concurrent) {
            PrintStream err = new PrintStream(System.err, true);
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .startsFrom(initial, Duration.ZERO)
                    // The bar must never touch stdout: results go there.
                    .setConsumer(concurrent ? new InteractiveConsoleProgressBarConsumer(err)
                            : new ConsoleProgressBarConsumer(err));
            switch (unit) {
                case BYTES -> builder.setUnit(" MiB", 1024 * 1024);
                case IMAGES -> builder.setUnit(" img", 1);
                default -> builder.setUnit("", 1);
            }
            this.bar = builder.build();
        }

        @Override
        public void stepTo(long done) {
            bar.stepTo(done);
        }

        @Override
        public void stepBy(long delta) {
            bar.stepBy(delta);
        }

        @Override
        public void extra(String text) {
            bar.setExtraMessage(text);
        }

        @Override
        public void total(long total) {
            bar.maxHint(total);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private final class Plain implements Task {
        private final String name;
        private final Unit unit;
        private final Instant started;
        private final long initial;
        private volatile long total;
        private long done;
        private Instant lastPrint;
        private String extra = "";

        Plain(String name, long total, long initial, Unit unit) {
            this.name = name;
            this.total = total;
            this.unit = unit;
            this.initial = initial;
            this.done = initial;
            this.started = context.clock().instant();
            this.lastPrint = started;
        }

        @Override
        public synchronized void stepTo(long value) {
            done = value;
            maybePrint(false);
        }

        @Override
        public synchronized void stepBy(long delta) {
            done += delta;
            maybePrint(false);
        }

        @Override
        public synchronized void extra(String text) {
            extra = text == null ? "" : text;
        }

        @Override
        public void total(long value) {
            total = value;
        }

        @Override
        public synchronized void close() {
            maybePrint(true);
        }

        private void maybePrint(boolean last) {
            Instant now = context.clock().instant();
            if (!last && Duration.between(lastPrint, now).compareTo(PLAIN_INTERVAL) < 0) {
                return;
            }
            lastPrint = now;
            double seconds = Math.max(1e-3, Duration.between(started, now).toMillis() / 1000.0);
            double rate = (done - initial) / seconds;
            StringBuilder line = new StringBuilder(name).append(": ").append(format(done, unit));
            if (total > 0) {
                line.append(" / ").append(format(total, unit))
                        .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
            }
            line.append(", ").append(format((long) rate, unit))
                    .append(unit == Unit.BYTES ? "/s" : unit == Unit.IMAGES ? " img/s" : "/s");
            if (!last && total > done && rate > 0) {
                line.append(", ETA ").append(eta((long) ((total - done) / rate)));
            }
            if (!extra.isEmpty()) {
                line.append(", ").append(extra);
            }
            if (last) {
                line.append(String.format(Locale.ROOT, ", done in %.1f s", seconds));
            }
            context.info(line.toString());
        }
    }
}
