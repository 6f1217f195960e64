package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** The per-inference calls behave the same through JNA's direct mapping and through the interface mapping. */
class HotPathTest {
    @TempDir
    Path dir;

    @Test
    void directAndInterfaceMappingsGiveTheSameAnswersFlushesAndErrors() {
        Libdnn direct = Libdnn.load(LibdnnStandIn.library());
        Libdnn viaInterface = direct.withInterfaceMapping();
        assertEquals("interface", viaInterface.hotPath().mapping());
        LibdnnStandIn.Hooks hooks = LibdnnStandIn.hooks();
        Path bin = StandInModel.classifier("c", 4, 4, 50)
                .output("q", "S32", "NONE", "1x6", "quant=SCALE", "scale=0.5", "zero=1")
                .fail("hbDNNWaitTaskDone", HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code(), 2, 1)
                .writeTo(dir.resolve("c.bin"));
        for (Libdnn libdnn : new Libdnn[] {direct, viaInterface}) {
            try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
                long cleans = hooks.standin_flush_count(2);
                long invalidates = hooks.standin_flush_count(1);
                float[][] outputs = session.infer(Nv12.flat(4, 4, 30, 1, 1));
                assertArrayEquals(Nv12.scores(35, 50), outputs[0], libdnn.hotPath().mapping());
                assertArrayEquals(Nv12.scores(35, 6), outputs[1], libdnn.hotPath().mapping());
                session.run(Duration.ofSeconds(5));
                HbDnnException e = assertThrows(HbDnnException.class, session::run, libdnn.hotPath().mapping());
                assertEquals("hbDNNWaitTaskDone", e.function());
                assertEquals(3, hooks.standin_flush_count(2) - cleans);
                assertEquals(2 * 2, hooks.standin_flush_count(1) - invalidates, "no invalidate after the failed wait");
                assertEquals(0, hooks.standin_live("task"));
            }
        }
    }

    @Test
    void theFirstLibraryOfTheJvmIsDirectMappedAndAnotherFallsBackToTheInterface() {
        Libdnn first = Libdnn.load(LibdnnStandIn.library());
        Libdnn second = Libdnn.load(LibdnnStandIn.libraryWithoutErrorDesc());
        // Whichever of the two this JVM loaded first holds the direct mapping; the other cannot.
        assertEquals(1, (first.hotPath().mapping().equals("direct") ? 1 : 0)
                + (second.hotPath().mapping().equals("direct") ? 1 : 0));
        assertSame(first.hotPath(), Libdnn.load(LibdnnStandIn.library()).hotPath());
    }
}
