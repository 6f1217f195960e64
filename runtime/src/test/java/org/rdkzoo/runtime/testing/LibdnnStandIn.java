package org.rdkzoo.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The libdnn stand-in for tests: a C library with the X5 libdnn ABI ({@code libdnn_standin.c}, with
 * rdkzoo's transcription of the headers), reading text model descriptions ({@link StandInModel}) in place of
 * {@code .bin} files. It is not the BPU.
 *
 * <p>Usable from any module's tests through runtime's test-jar: the runtime build compiles it into
 * {@code runtime/target} and passes the paths as system properties; elsewhere the C sources are read from the
 * classpath and compiled with gcc into a temporary directory, once per JVM.
 */
public final class LibdnnStandIn {
    /** System property naming a prebuilt stand-in (set by runtime's build). */
    public static final String LIBRARY_PROPERTY = "rdkzoo.standin.library";
    /** System property naming a prebuilt stand-in without {@code hbDNNGetErrorDesc}. */
    public static final String LIBRARY_WITHOUT_ERROR_DESC_PROPERTY = "rdkzoo.standin.libraryWithoutErrorDesc";
    /** System property naming a prebuilt layout probe (compiled against the transcribed headers). */
    public static final String LAYOUT_PROBE_PROPERTY = "rdkzoo.standin.layoutProbe";

    /** Classpath folder of the C sources. */
    public static final String SOURCES = "org/rdkzoo/runtime/standin/";
    private static final List<String> HEADERS = List.of("include/dnn/hb_dnn.h", "include/dnn/hb_sys.h",
            "include/dnn/hb_dnn_status.h");

    /** The {@code STANDIN_INPUT_NOT_CLEANED} status: an input was not flushed with CLEAN before hbDNNInfer. */
    public static final int INPUT_NOT_CLEANED = -6000900;

    // Guarded by the class: compiled once per JVM.
    private static final Map<String, Path> BUILT = new HashMap<>();

    private LibdnnStandIn() {
    }

    /** The stand-in library (with {@code hbDNNGetErrorDesc}). */
    public static Path library() {
        return prebuiltOr(LIBRARY_PROPERTY, "libdnn_standin.so", List.of());
    }

    /** The stand-in without {@code hbDNNGetErrorDesc}, as some libdnn builds are. */
    public static Path libraryWithoutErrorDesc() {
        return prebuiltOr(LIBRARY_WITHOUT_ERROR_DESC_PROPERTY, "libdnn_standin_nodesc.so",
                List.of("-DSTANDIN_WITHOUT_ERROR_DESC"));
    }

    /** The layout probe ({@code hb_dnn_layout_probe.c}) compiled against rdkzoo's transcription of the headers. */
    public static synchronized Path layoutProbe() {
        String property = System.getProperty(LAYOUT_PROBE_PROPERTY);
        if (property != null && Files.isExecutable(Path.of(property))) {
            return Path.of(property);
        }
        Path dir = sources();
        return BUILT.computeIfAbsent("probe", key -> {
            Path source = Gcc.copyResource("org/rdkzoo/runtime/hb_dnn_layout_probe.c", dir.resolve("probe.c"));
            Path probe = dir.resolve("hb_dnn_layout_probe");
            Gcc.run(List.of("-I" + dir.resolve("include"), "-o", probe.toString(), source.toString()));
            return probe;
        });
    }

    /** The test hooks of a loaded stand-in (counters, failure injection). */
    public static Hooks hooks(Path library) {
        return Native.load(library.toAbsolutePath().toString(), Hooks.class);
    }

    /** The hooks of {@link #library()}. */
    public static Hooks hooks() {
        return hooks(library());
    }

    /** The stand-in's test hooks; none of them is part of libdnn. */
    public interface Hooks extends Library {
        /** Live hbSysMem blocks + packed handles + tasks. */
        int standin_live_allocations();

        /** Live allocations of one kind: {@code mem}, {@code pack} or {@code task}. */
        int standin_live(String kind);

        /** Successful {@code hbSysFlushMem} calls with this flag (1 INVALIDATE, 2 CLEAN), since the library loaded. */
        long standin_flush_count(int flag);

        /** {@code hbDNNInfer} calls that started a task, since the library loaded. */
        long standin_infer_count();

        /** Makes {@code function} return {@code code} after {@code after} successful calls, {@code times} times (< 0: always). */
        int standin_inject(String function, int code, int after, int times);

        /** Forgets the injected failures. */
        void standin_clear_injections();
    }

    private static synchronized Path prebuiltOr(String property, String name, List<String> defines) {
        String prebuilt = System.getProperty(property);
        if (prebuilt != null && Files.isRegularFile(Path.of(prebuilt))) {
            return Path.of(prebuilt);
        }
        Path dir = sources();
        return BUILT.computeIfAbsent(name, key -> {
            Path library = dir.resolve(name);
            List<String> args = new ArrayList<>(List.of("-shared", "-fPIC", "-O2", "-fvisibility=hidden"));
            args.addAll(defines);
            args.addAll(List.of("-I" + dir.resolve("include"), "-o", library.toString(),
                    dir.resolve("libdnn_standin.c").toString(), "-lpthread", "-lm"));
            Gcc.run(args);
            return library;
        });
    }

    /** The C sources, copied once from the classpath into a temporary directory. */
    private static synchronized Path sources() {
        return BUILT.computeIfAbsent("sources", key -> {
            try {
                Path dir = Files.createTempDirectory("rdkzoo-standin");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Gcc.copyResource(SOURCES + "libdnn_standin.c", dir.resolve("libdnn_standin.c"));
                for (String header : HEADERS) {
                    Gcc.copyResource(SOURCES + header, dir.resolve(header));
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
