package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

class InferenceSessionTest {
    private static Libdnn libdnn;
    private static LibdnnStandIn.Hooks hooks;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadStandIn() {
        libdnn = Libdnn.load(LibdnnStandIn.library());
        hooks = LibdnnStandIn.hooks();
    }

    @Test
    void classifierTop1IsTheClassTheStandInDerivesFromTheNv12Means() {
        Path bin = StandInModel.classifier("efficientnet_b2", 8, 8, 1000).writeTo(dir.resolve("m.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            float[][] outputs = session.infer(Nv12.flat(8, 8, 17, 3, 5));
            // t = Y + 2U + 3V = 17 + 6 + 15
            assertArrayEquals(Nv12.scores(38, 1000), outputs[0]);
            assertEquals(38, Nv12.argmax(outputs[0]));

            outputs = session.infer(Nv12.flat(8, 8, 200, 128, 128));
            assertEquals((200 + 256 + 384) % 1000, Nv12.argmax(outputs[0]));
        }
    }

    @Test
    void quantizedOutputsAreDequantizedPerTensorAndPerAxisThroughTheirStrides() {
        Path bin = StandInModel.named("heads")
                .input("data", "NV12", "NCHW", "1x3x4x4")
                .output("q8", "S8", "NCHW", "1x4x1x3", "aligned=1x4x1x8", "quant=SCALE", "axis=1",
                        "scale=0.5,0.25,1,0.125", "zero=3,-2,0,5")
                .output("q32", "S32", "NHWC", "1x2x3x4", "aligned=1x2x3x8", "quant=SHIFT", "axis=3", "shift=0,1,2,3")
                .output("f32", "F32", "NCHW", "1x5x1x1")
                .output("s16", "S16", "NONE", "2x3", "aligned=2x5", "quant=SCALE", "scale=0.25", "zero=-3")
                .output("u8", "U8", "NONE", "1x6", "quant=SCALE", "scale=0.5", "zero=20")
                .output("f16", "F16", "NONE", "1x5")
                .writeTo(dir.resolve("heads.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            float[][] outputs = session.infer(Nv12.flat(4, 4, 9, 1, 2));
            int t = 9 + 2 * 1 + 3 * 2;
            assertArrayEquals(Nv12.scores(t, 12), outputs[0], "S8, per-axis scales and zero points on axis 1");
            assertArrayEquals(Nv12.scores(t, 24), outputs[1], "S32, per-axis shifts on the last axis");
            assertArrayEquals(Nv12.scores(t, 5), outputs[2], "F32 without quantization");
            assertArrayEquals(Nv12.scores(t, 6), outputs[3], "S16, one scale and zero point");
            assertArrayEquals(Nv12.scores(t, 6), outputs[4], "U8 with a zero point");
            assertArrayEquals(Nv12.scores(t, 5), outputs[5], "F16");
        }
    }

    @Test
    void nv12RowsAreCopiedIntoTheWiderAlignedShape() {
        Path bin = StandInModel.named("echo")
                .input("data", "NV12", "NCHW", "1x3x4x6", "aligned=1x3x6x8")
                .output("bytes", "F32", "NONE", "1x36")
                .compute("echo")
                .writeTo(dir.resolve("echo.bin"));
        byte[] nv12 = new byte[36];
        float[] expected = new float[36];
        for (int i = 0; i < nv12.length; i++) {
            nv12[i] = (byte) (i + 1);
            expected[i] = i + 1;
        }
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            assertEquals("1x3x6x8", session.description().input(0).properties().alignedShape().toString());
            assertArrayEquals(expected, session.infer(nv12)[0]);
        }
    }

    @Test
    void nv12SeparateYAndFeatureMapsArePackedThroughTheirOwnGeometry() {
        Path bin = StandInModel.named("mixed")
                .input("yuv", "NV12_SEPARATE", "NHWC", "1x2x4x3", "aligned=1x4x8x3")
                .input("luma", "Y", "NCHW", "1x1x2x3", "aligned=1x1x2x4")
                .input("rgb", "RGB", "NHWC", "1x1x2x3", "aligned=1x1x4x4")
                .input("feat", "S8", "NCHW", "1x2x1x2", "aligned=1x2x1x4")
                .output("bytes", "U8", "NONE", "1x30")
                .compute("echo")
                .writeTo(dir.resolve("mixed.bin"));
        byte[] yuv = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // 2x4 Y, then one row of 4 UV bytes
        byte[] luma = {21, 22, 23, 24, 25, 26};
        byte[] rgb = {31, 32, 33, 34, 35, 36};
        byte[] feat = {-1, 2, -3, 4};
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            float[] out = session.infer(yuv, luma, rgb, feat)[0];
            float[] expected = new float[30];
            int i = 0;
            for (byte[] input : new byte[][] {yuv, luma, rgb, feat}) {
                for (byte b : input) {
                    expected[i++] = b & 0xFF; // the echo's U8 output holds the input's bytes
                }
            }
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void floatFeatureMapsAreQuantizedPerTheInputScale() {
        Path bin = StandInModel.named("features")
                .input("x", "S8", "NCHW", "1x2x1x3", "quant=SCALE", "axis=1", "scale=0.5,0.25", "zero=1,-1")
                .output("bytes", "S32", "NONE", "1x6")
                .compute("echo")
                .writeTo(dir.resolve("features.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            session.setInput(0, new float[] {1.0f, -1.0f, 0.25f, 1.0f, -1.0f, 0.125f});
            session.run();
            // channel 0: x / 0.5 + 1 -> 3, -1, 1.5 rounds half-to-even to 2; channel 1: x / 0.25 - 1 -> 3, -5, -0.5 -> -0
            // (the echo output carries the raw bytes, read back as unsigned)
            assertArrayEquals(new float[] {3, 0xFF, 2, 3, 0xFB, 0}, session.output(0));
        }
    }

    @Test
    void eachRunCleansEveryInputPlaneAndInvalidatesEveryOutputOnce() {
        Path bin = StandInModel.named("two")
                .input("a", "NV12_SEPARATE", "NCHW", "1x3x2x2")
                .input("b", "F32", "NONE", "1x4")
                .output("x", "F32", "NONE", "1x3")
                .output("y", "S8", "NONE", "1x3")
                .writeTo(dir.resolve("two.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            session.setInput(1, new float[] {1, 2, 3, 4});
            long cleans = hooks.standin_flush_count(2);
            long invalidates = hooks.standin_flush_count(1);
            for (int i = 0; i < 5; i++) {
                session.run();
            }
            assertEquals(5 * 3, hooks.standin_flush_count(2) - cleans, "Y plane, UV plane and the F32 input");
            assertEquals(5 * 2, hooks.standin_flush_count(1) - invalidates, "both outputs");
        }
    }

    @Test
    void aTaskThatNeverFinishesTimesOutIsReleasedAndTheSessionRunsAgain() {
        Path hanging = StandInModel.classifier("stuck", 2, 2, 4).hang().writeTo(dir.resolve("stuck.bin"));
        Path slow = StandInModel.classifier("slow", 2, 2, 4).delayMicros(300_000).writeTo(dir.resolve("slow.bin"));
        try (BpuModel model = libdnn.loadModel(hanging, slow)) {
            int tasks = hooks.standin_live("task");
            try (InferenceSession session = model.newSession("stuck")) {
                session.setInput(0, Nv12.flat(2, 2, 1, 0, 0));
                InferenceTimeoutException e = assertThrows(InferenceTimeoutException.class,
                        () -> session.run(Duration.ofMillis(50)));
                assertEquals(HbDnnStatus.HB_DNN_TIMEOUT.code(), e.code());
                assertEquals("HB_DNN_TIMEOUT", e.codeName());
                assertEquals(Duration.ofMillis(50), e.timeout());
                assertEquals("inference did not finish within 50 ms (hbDNNWaitTaskDone returned HB_DNN_TIMEOUT"
                        + " (-6000008): stand-in: timeout); the task was released", e.getMessage());
                assertEquals(tasks, hooks.standin_live("task"), "the timed-out task was released");
            }
            try (InferenceSession session = model.newSession("slow")) {
                session.setInput(0, Nv12.flat(2, 2, 2, 0, 0));
                assertThrows(InferenceTimeoutException.class, () -> session.run(Duration.ofMillis(20)));
                session.run(Duration.ofSeconds(10));
                assertEquals(2, Nv12.argmax(session.output(0)));
            }
            assertEquals(tasks, hooks.standin_live("task"));
        }
    }

    @Test
    void aFailedWaitReleasesTheTaskAndCarriesTheLibrarysCode() {
        Path bin = StandInModel.classifier("flaky", 2, 2, 4)
                .fail("hbDNNWaitTaskDone", HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code(), 1, 1)
                .writeTo(dir.resolve("flaky.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            int tasks = hooks.standin_live("task");
            session.setInput(0, Nv12.flat(2, 2, 3, 0, 0));
            session.run();
            HbDnnException e = assertThrows(HbDnnException.class, session::run);
            assertEquals("hbDNNWaitTaskDone failed: HB_DNN_RUN_TASK_FAILED (-6000012): stand-in: run task failed",
                    e.getMessage());
            assertEquals(tasks, hooks.standin_live("task"));
            session.run();
            assertEquals(3, Nv12.argmax(session.output(0)));
        }
    }

    @Test
    void rawOutputShowsTheAlignedMemoryIncludingPadding() {
        Path bin = StandInModel.named("padded")
                .input("data", "NV12", "NCHW", "1x3x2x2")
                .output("q", "S8", "NONE", "2x3", "aligned=2x4", "quant=SCALE", "scale=1")
                .writeTo(dir.resolve("padded.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            session.infer(Nv12.flat(2, 2, 0, 0, 0));
            ByteBuffer raw = session.rawOutput(0);
            assertEquals(ByteOrder.nativeOrder(), raw.order());
            assertTrue(raw.isReadOnly());
            assertEquals(8, raw.capacity());
            assertArrayEquals(new byte[] {0, -1, -2, 0x7F, -3, -4, -5, 0x7F}, bytes(raw), "0x7F: the stand-in's padding");
        }
    }

    @Test
    void wrongInputsAreRejectedWithWhatWasExpected() {
        Path bin = StandInModel.classifier("c", 4, 4, 10).writeTo(dir.resolve("c.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> session.setInput(0, new byte[10]));
            assertEquals("NV12 input 1x3x4x4 takes 24 bytes, got 10", size.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> session.setInput(1, new byte[24]));
            IllegalArgumentException values = assertThrows(IllegalArgumentException.class,
                    () -> session.setInput(0, new float[24]));
            assertEquals("NV12 inputs take bytes (pack), not values", values.getMessage());
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> session.output(0));
            assertEquals("no inference has run in this session yet", early.getMessage());
        }
    }

    @Test
    void aClosedSessionSaysSoAndClosingTwiceIsHarmless() {
        Path bin = StandInModel.classifier("c", 2, 2, 4).writeTo(dir.resolve("c.bin"));
        try (BpuModel model = libdnn.loadModel(bin)) {
            int mems = hooks.standin_live("mem");
            InferenceSession session = model.newSession();
            assertEquals(mems + 2, hooks.standin_live("mem"), "one input and one output buffer");
            session.close();
            session.close();
            assertEquals(mems, hooks.standin_live("mem"));
            IllegalStateException e = assertThrows(IllegalStateException.class, session::run);
            assertEquals("this session of model 'c' is closed", e.getMessage());
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.capacity()];
        buffer.get(0, bytes);
        return bytes;
    }
}
