package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

import com.sun.jna.Memory;

/**
 * 10,000 inferences leave memory flat: libdnn's allocations (the stand-in counts hbSysMem blocks, packed
 * handles and tasks exactly), JNA's native memory (no {@link Memory} is allocated per inference), and the
 * Java heap (no per-inference copy of a buffer).
 */
class NativeMemoryTest {
    private static final int INFERENCES = 10_000;
    private static final int WINDOW = 500;

    @TempDir
    Path dir;

    @Test
    void tenThousandInferencesLeaveNativeMemoryFlat() throws Exception {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        LibdnnStandIn.Hooks hooks = LibdnnStandIn.hooks();
        Path bin = StandInModel.named("m")
                .input("data", "NV12", "NCHW", "1x3x32x32", "aligned=1x3x32x48")
                .output("logits", "F32", "NCHW", "1x1000x1x1")
                .output("q", "S8", "NCHW", "1x4x1x3", "quant=SCALE", "axis=1", "scale=1,0.5,0.25,0.125", "zero=0,1,2,3")
                .writeTo(dir.resolve("m.bin"));
        int baseline = hooks.standin_live_allocations();
        byte[][] images = {Nv12.flat(32, 32, 10, 0, 0), Nv12.flat(32, 32, 20, 0, 0)};
        float[] logits = new float[1000];
        float[] heads = new float[12];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            int open = hooks.standin_live_allocations();
            assertEquals(baseline + 4, open, "the pack, one input and two output buffers");
            int windowsWithoutGc = 0;
            long heapBytes = 0;
            long heapInferences = 0;
            for (int done = 0; done < INFERENCES; done += WINDOW) {
                Set<Long> memoryBefore = liveJnaMemory();
                long collections = gcCount();
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = done; i < done + WINDOW; i++) {
                    session.setInput(0, images[i % 2]);
                    session.run();
                    session.output(0, logits);
                    session.output(1, heads);
                    if (Nv12.argmax(logits) != (i % 2 == 0 ? 10 : 20)) {
                        throw new AssertionError("inference " + i + " answered " + Nv12.argmax(logits));
                    }
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                if (gcCount() == collections) {
                    // No GC ran, so a Memory allocated in the window would still be registered with JNA.
                    Set<Long> added = new HashSet<>(liveJnaMemory());
                    added.removeAll(memoryBefore);
                    assertEquals(0, added.size(), "JNA Memory blocks allocated during inferences " + done + ".."
                            + (done + WINDOW));
                    windowsWithoutGc++;
                }
                if (done > 0) {
                    heapBytes += allocated;
                    heapInferences += WINDOW;
                }
                assertEquals(open, hooks.standin_live_allocations(), "live libdnn allocations after " + (done + WINDOW));
            }
            assertTrue(windowsWithoutGc >= 5, "only " + windowsWithoutGc + " windows ran without a GC");
            double perInference = (double) heapBytes / heapInferences;
            System.out.printf("NativeMemoryTest: %.0f heap bytes per inference, %d of %d"
                    + " windows without GC%n", perInference, windowsWithoutGc, INFERENCES / WINDOW);
            // The logits output alone is 4,000 bytes: a per-inference copy of a buffer would exceed this.
            assertTrue(perInference < 2048, perInference + " heap bytes per inference");
        }
        assertEquals(baseline, hooks.standin_live_allocations(), "everything freed on close");
    }

    /** Native addresses of the JNA {@link Memory} blocks not yet freed (JNA's own registry). */
    @SuppressWarnings("unchecked")
    private static Set<Long> liveJnaMemory() throws ReflectiveOperationException {
        Field field = Memory.class.getDeclaredField("allocatedMemory");
        field.setAccessible(true);
        Map<Long, ?> allocated = (Map<Long, ?>) field.get(null);
        synchronized (allocated) {
            return new HashSet<>(allocated.keySet());
        }
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
