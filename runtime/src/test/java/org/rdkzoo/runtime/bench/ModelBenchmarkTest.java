package org.rdkzoo.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.BpuModel;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

class ModelBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void benchmarksEachThreadCountWithItsOwnSessionsAndFreesThem() throws Exception {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        LibdnnStandIn.Hooks hooks = LibdnnStandIn.hooks();
        Path bin = StandInModel.named("net").input("image", "NV12", "NCHW", "1x3x8x8")
                .input("feature", "S8", "NCHW", "1x2x1x1", "quant=SCALE", "scale=0.01")
                .output("logits", "F32", "NCHW", "1x10x1x1").writeTo(dir.resolve("net.bin"));
        try (BpuModel model = libdnn.loadModel(bin)) {
            int mems = hooks.standin_live("mem");
            long infers = hooks.standin_infer_count();
            AtomicLong clock = new AtomicLong();
            // A clock that ticks 1 us per reading keeps the arithmetic well defined without timing anything.
            BenchResult result = ModelBenchmark.run(model, "net",
                    new ModelBenchmark.Options(12, 2, List.of(1, 3), Duration.ofSeconds(5), 7),
                    new BenchLoop(() -> clock.addAndGet(1000)));
            assertEquals("net", result.model());
            assertEquals(12, result.latency().frames());
            assertEquals(List.of(1, 3), result.throughput().stream().map(Throughput::threads).toList());
            assertEquals(List.of(12, 12), result.throughput().stream().map(Throughput::frames).toList());
            // latency: 2 + 12; 1 thread: 2 + 12; 3 threads: 3 x 2 + 12
            assertEquals(14 + 14 + 18, hooks.standin_infer_count() - infers);
            assertEquals(mems, hooks.standin_live("mem"), "every benchmark session was closed");
        }
    }

    @Test
    void optionsRejectMoreThreadsThanFrames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelBenchmark.Options(4, 0, List.of(8), Duration.ofSeconds(1), 1));
        assertEquals("thread count 8 must be between 1 and the 4 frames", e.getMessage());
        assertEquals(200, ModelBenchmark.Options.defaults().frames());
    }
}
