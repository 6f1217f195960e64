package org.rdkzoo.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.rdkzoo.runtime.BpuModel;
import org.rdkzoo.runtime.InferenceSession;
import org.rdkzoo.runtime.ModelDescription;
import org.rdkzoo.runtime.tensor.TensorInfo;

/**
 * Benchmarks one model of a {@link BpuModel} as {@code hrt_model_exec perf} does: inputs filled once with
 * seeded random data (the model's output does not matter), then single-thread latency over {@code frames}
 * inferences and, for each thread count, FPS over {@code frames} inferences split across that many threads,
 * each with its own {@link InferenceSession}. A timed inference is {@link InferenceSession#run(Duration)}:
 * flush inputs, infer, wait, release, invalidate outputs; no pre- or post-processing.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {
    }

    /**
     * What to run.
     *
     * @param frames       timed inferences per measurement (hrt_model_exec's {@code frame_count}; default 200)
     * @param warmup       untimed inferences before each measurement, per thread
     * @param threadCounts thread counts for the FPS measurement (hrt_model_exec's {@code thread_num}), e.g. 1, 4
     * @param timeout      per-inference timeout
     * @param seed         seed of the random input
     */
    public record Options(int frames, int warmup, List<Integer> threadCounts, Duration timeout, long seed) {
        public Options {
            threadCounts = List.copyOf(threadCounts);
            if (frames < 1 || warmup < 0) {
                throw new IllegalArgumentException("frames must be at least 1 and warm-up at least 0, got " + frames
                        + " and " + warmup);
            }
            for (int threads : threadCounts) {
                if (threads < 1 || threads > frames) {
                    throw new IllegalArgumentException("thread count " + threads + " must be between 1 and the "
                            + frames + " frames");
                }
            }
        }

        /** hrt_model_exec's defaults: 200 frames, threads 1; plus 20 warm-up inferences and a 10 s timeout. */
        public static Options defaults() {
            return new Options(200, 20, List.of(1), InferenceSession.DEFAULT_TIMEOUT, 1);
        }
    }

    /**
     * Runs the benchmark on the named model.
     *
     * @throws InterruptedException if interrupted between inferences
     */
    public static BenchResult run(BpuModel model, String modelName, Options options, BenchLoop loop)
            throws InterruptedException {
        ModelDescription description = model.describe(modelName);
        LatencyStats latency;
        try (InferenceSession session = prepared(model, modelName, options.seed())) {
            latency = loop.latency(() -> session.run(options.timeout()), options.warmup(), options.frames());
        }
        List<Throughput> throughput = new ArrayList<>();
        for (int threads : options.threadCounts()) {
            List<InferenceSession> sessions = new ArrayList<>();
            try {
                List<Runnable> inferences = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    InferenceSession session = prepared(model, modelName, options.seed() + t);
                    sessions.add(session);
                    inferences.add(() -> session.run(options.timeout()));
                }
                throughput.add(loop.throughput(inferences, options.frames(), options.warmup()));
            } finally {
                sessions.forEach(InferenceSession::close);
            }
        }
        return new BenchResult(description.name(), latency, throughput);
    }

    /** A session whose inputs hold seeded random data: bytes for images, values in [0, 1) for feature maps. */
    static InferenceSession prepared(BpuModel model, String modelName, long seed) {
        InferenceSession session = model.newSession(modelName);
        try {
            Random random = new Random(seed);
            for (TensorInfo input : session.description().inputs()) {
                if (input.properties().type().isImage()) {
                    byte[] bytes = new byte[input.properties().denseByteSize()];
                    random.nextBytes(bytes);
                    session.setInput(input.index(), bytes);
                } else {
                    float[] values = new float[Math.toIntExact(input.properties().elementCount())];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = random.nextFloat();
                    }
                    session.setInput(input.index(), values);
                }
            }
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
