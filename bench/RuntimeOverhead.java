import java.nio.file.Path;
import java.util.Arrays;

import org.rdkzoo.runtime.BpuModel;
import org.rdkzoo.runtime.InferenceSession;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.ModelDescription;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Java side of bench/runtime-overhead.sh: times rdkzoo's InferenceSession loop (setInput, run, output) and the C
 * driver's identical loop, in the same process against the same libdnn, in alternating rounds, and prints the
 * Java overhead per inference. Run through the script, which builds everything.
 */
public class RuntimeOverhead {
    /** bench/runtime_overhead_driver.c. */
    interface Driver extends Library {
        Pointer driver_open(String libdnn, String modelFile);

        long driver_run(Pointer driver, int iterations);

        float driver_checksum(Pointer driver);

        void driver_close(Pointer driver);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: RuntimeOverhead LIBDNN DRIVER_SO MODEL ROUNDS ITERATIONS");
            System.exit(2);
        }
        Libdnn libdnn = Libdnn.load(Path.of(args[0]));
        Driver c = Native.load(Path.of(args[1]).toAbsolutePath().toString(), Driver.class);
        Path model = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int iterations = Integer.parseInt(args[4]);

        Pointer driver = c.driver_open(libdnn.location(), model.toAbsolutePath().toString());
        if (driver == null) {
            throw new IllegalStateException("the C driver could not open " + model);
        }
        try (BpuModel bpuModel = libdnn.loadModel(model); InferenceSession session = bpuModel.newSession()) {
            ModelDescription d = session.description();
            byte[] nv12 = new byte[d.input(0).properties().denseByteSize()];
            for (int i = 0; i < nv12.length; i++) {
                nv12[i] = (byte) (i * 7); // the C driver's pattern
            }
            float[][] outputs = new float[d.outputs().size()][];
            for (int o = 0; o < outputs.length; o++) {
                outputs[o] = new float[Math.toIntExact(d.output(o).properties().elementCount())];
            }
            Runnable java = () -> {
                session.setInput(0, nv12);
                session.run();
                for (int o = 0; o < outputs.length; o++) {
                    session.output(o, outputs[o]);
                }
            };

            System.out.println("runtime-overhead: libdnn " + libdnn.version() + " at " + libdnn.location());
            System.out.println("  (a STAND-IN, not the BPU: these are stand-in figures, not board figures)");
            System.out.println("model " + d.name() + ": " + d.input(0).name() + " " + d.input(0).properties().type() + " "
                    + d.input(0).properties().validShape() + " -> " + d.outputs().size() + " output(s), first "
                    + d.output(0).properties().type() + " " + d.output(0).properties().validShape());
            System.out.println("java " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cpus; " + rounds + " rounds of "
                    + iterations + " inferences each, C and Java alternating");

            // Warm-up: let the JIT compile the Java path, and bring the C path's caches to the same state.
            for (int i = 0; i < 3 * iterations; i++) {
                java.run();
            }
            c.driver_run(driver, iterations);

            double[] cMicros = new double[rounds];
            double[] javaMicros = new double[rounds];
            System.out.printf("%5s %14s %14s %14s%n", "round", "C us/inf", "Java us/inf", "overhead us");
            for (int r = 0; r < rounds; r++) {
                long cNanos = c.driver_run(driver, iterations);
                if (cNanos < 0) {
                    throw new IllegalStateException("the C driver failed in round " + (r + 1));
                }
                cMicros[r] = cNanos / 1e3 / iterations;
                long start = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    java.run();
                }
                javaMicros[r] = (System.nanoTime() - start) / 1e3 / iterations;
                System.out.printf("%5d %14.2f %14.2f %14.2f%n", r + 1, cMicros[r], javaMicros[r], javaMicros[r] - cMicros[r]);
            }
            if (c.driver_checksum(driver) != outputs[0][0]) {
                throw new IllegalStateException("C and Java read different outputs: " + c.driver_checksum(driver) + " vs "
                        + outputs[0][0]);
            }
            double cMedian = median(cMicros);
            double javaMedian = median(javaMicros);
            double overhead = javaMedian - cMedian;
            System.out.printf("median %13.2f %14.2f %14.2f%n", cMedian, javaMedian, overhead);
            System.out.printf("Java overhead: %.2f us per inference (Java/C = %.3f); target <= 20 us: %s%n", overhead,
                    javaMedian / cMedian, overhead <= 20 ? "met" : "NOT MET");
            System.out.printf("spread over rounds: C %.2f..%.2f us, Java %.2f..%.2f us%n", min(cMicros), max(cMicros),
                    min(javaMicros), max(javaMicros));
        } finally {
            c.driver_close(driver);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
