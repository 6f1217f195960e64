package org.rdkzoo.mapperconfigs.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolProcessTest {
    @TempDir
    Path dir;

    private final ToolProcess runner = new ToolProcess(Clock.systemUTC(), Duration.ofSeconds(2));

    /** A shell that starts a long child, prints its pid and waits: a tree of two processes. */
    private ToolProcess.Command tree() {
        return new ToolProcess.Command(List.of("/bin/sh", "-c", "sleep 300 & echo child $!; wait"), dir, Map.of());
    }

    @Test
    void argumentsWithSpacesQuotesAndDollarsReachTheProgramUnchanged() throws Exception {
        List<String> args = List.of("a b", "it's", "\"q\"", "$HOME", "`id`", "*");
        List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "for a in \"$@\"; do echo \"[$a]\"; done", "sh"));
        argv.addAll(args);
        List<String> lines = new CopyOnWriteArrayList<>();
        ToolProcess.Outcome o = runner.run(new ToolProcess.Command(argv, dir, Map.of()), lines::add, null,
                new CancelToken(), null);
        assertEquals(ToolProcess.Ending.EXITED, o.ending());
        assertEquals(0, o.exitCode());
        assertEquals(args.stream().map(a -> "[" + a + "]").toList(), lines);
    }

    @Test
    void theTimeoutStopsTheWholeProcessTree() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ToolProcess.Outcome o = runner.run(tree(), lines::add, Duration.ofMillis(800), new CancelToken(), null);
        assertEquals(ToolProcess.Ending.TIMED_OUT, o.ending());
        assertChildGone(lines);
    }

    @Test
    void cancellingStopsTheTreeAndRunsTheStopActionFirst() throws Exception {
        CancelToken cancel = new CancelToken();
        CountDownLatch started = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        Thread canceller = new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        ToolProcess.Outcome o = runner.run(tree(), line -> {
            lines.add(line);
            started.countDown();
        }, Duration.ofSeconds(30), cancel, () -> order.add("stop action"));
        assertEquals(ToolProcess.Ending.CANCELLED, o.ending());
        assertEquals(List.of("stop action"), order);
        assertChildGone(lines);
    }

    @Test
    void aCancelBeforeTheStartRunsNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        ToolProcess.Outcome o = runner.run(tree(), l -> { }, null, cancel, null);
        assertEquals(ToolProcess.Ending.CANCELLED, o.ending());
        assertEquals(null, o.exitCode());
    }

    private static void assertChildGone(List<String> lines) throws InterruptedException {
        String first = lines.stream().filter(l -> l.startsWith("child ")).findFirst().orElseThrow();
        long pid = Long.parseLong(first.substring(6).strip());
        // A killed child is reaped by init shortly after; give it a moment.
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child " + pid + " still alive");
        assertTrue(true);
    }
}
