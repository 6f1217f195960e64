package org.rdkzoo.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * A loaded libdnn: the entry point of the runtime. Find it with {@link #locate(Path, Map)} (explicit path,
 * {@code RDKZOO_LIBDNN}, system) or load a given file with {@link #load(Path)}; then
 * {@link #loadModel(List)} opens {@code .bin} files. {@link #version()} ({@code hbDNNGetVersion}) belongs in
 * the provenance of every result.
 *
 * <p>A library is loaded once per JVM and path and never unloaded; instances are thread-safe.
 */
public final class Libdnn {
    /** Symbols every usable libdnn exports; their absence means the file is something else. */
    static final List<String> REQUIRED_SYMBOLS = List.of("hbDNNGetVersion", "hbDNNInitializeFromFiles",
            "hbDNNRelease", "hbDNNGetModelNameList", "hbDNNGetModelHandle", "hbDNNGetInputCount",
            "hbDNNGetInputName", "hbDNNGetInputTensorProperties", "hbDNNGetOutputCount", "hbDNNGetOutputName",
            "hbDNNGetOutputTensorProperties", "hbDNNInfer", "hbDNNWaitTaskDone", "hbDNNReleaseTask",
            "hbSysAllocCachedMem", "hbSysFlushMem", "hbSysFreeMem");

    private static final Map<String, Libdnn> LOADED = new ConcurrentHashMap<>();

    private final HbDnnLibrary api;
    private final HotPath hotPath;
    private final String location;
    private final String origin;
    private final String version;
    private final boolean errorDescriptions;

    private Libdnn(HbDnnLibrary api, HotPath hotPath, String location, String origin, boolean errorDescriptions) {
        this.api = api;
        this.hotPath = hotPath;
        this.location = location;
        this.origin = origin;
        this.errorDescriptions = errorDescriptions;
        String v = api.hbDNNGetVersion();
        this.version = v == null ? "unknown" : v;
    }

    /**
     * Finds and loads libdnn: {@code explicit} if given, else {@code RDKZOO_LIBDNN} from {@code env}, else the
     * system library path and {@code /usr/lib/libdnn.so} (see {@link LibdnnLocator}).
     *
     * @param explicit the path the user gave ({@code --libdnn}), or null
     * @param env      the environment to read {@code RDKZOO_LIBDNN} from
     * @throws LibdnnUnavailableException if no candidate is a loadable libdnn; the message says what was tried
     */
    public static Libdnn locate(Path explicit, Map<String, String> env) {
        return locate(LibdnnLocator.candidates(explicit, env));
    }

    /** {@link #locate(Path, Map)} over a given list of candidates. */
    public static Libdnn locate(List<LibdnnLocator.Candidate> candidates) {
        List<String> attempts = new ArrayList<>();
        for (LibdnnLocator.Candidate candidate : candidates) {
            if (candidate.isPath() && !Files.isRegularFile(Path.of(candidate.library()))) {
                attempts.add(candidate + " (no such file)");
                continue;
            }
            try {
                return LOADED.computeIfAbsent(candidate.library(), lib -> open(lib, candidate.origin()));
            } catch (UnusableLibraryException e) {
                attempts.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        throw new LibdnnUnavailableException(attempts);
    }

    /**
     * Loads this library file (tests, or a caller that resolved the path itself).
     *
     * @throws LibdnnUnavailableException if the file is missing or is not a loadable libdnn
     */
    public static Libdnn load(Path file) {
        return locate(List.of(new LibdnnLocator.Candidate(file.toAbsolutePath().toString(), "--libdnn")));
    }

    private static Libdnn open(String library, String origin) {
        NativeLibrary nativeLibrary;
        try {
            nativeLibrary = NativeLibrary.getInstance(library);
        } catch (UnsatisfiedLinkError e) {
            throw new UnusableLibraryException(firstLine(e.getMessage()));
        }
        for (String symbol : REQUIRED_SYMBOLS) {
            try {
                nativeLibrary.getFunction(symbol);
            } catch (UnsatisfiedLinkError e) {
                throw new UnusableLibraryException(nativeLibrary.getFile() + " is not libdnn: it has no " + symbol);
            }
        }
        boolean descriptions;
        try {
            nativeLibrary.getFunction("hbDNNGetErrorDesc");
            descriptions = true;
        } catch (UnsatisfiedLinkError e) {
            descriptions = false;
        }
        HbDnnLibrary api = Native.load(library, HbDnnLibrary.class);
        String location = nativeLibrary.getFile() == null ? library : nativeLibrary.getFile().getAbsolutePath();
        return new Libdnn(api, HotPath.of(nativeLibrary, api), location, origin, descriptions);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot load it";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** What {@code hbDNNGetVersion} returned, for provenance. */
    public String version() {
        return version;
    }

    /**
     * Whether this is rdkzoo's test stand-in rather than a board's libdnn, as its {@link #version()} says
     * ({@code rdkzoo-standin ...}). Commands warn when it is, so that a stand-in figure is never read as a board
     * figure. Only the version string can tell: a library that lies about it is not detected.
     */
    public boolean isStandIn() {
        return isStandInVersion(version);
    }

    /** Whether a {@code hbDNNGetVersion} string is the stand-in's. */
    public static boolean isStandInVersion(String version) {
        String v = version.toLowerCase(Locale.ROOT);
        return v.contains("rdkzoo-standin") || v.contains("stand-in");
    }

    /** The file the library was loaded from. */
    public String location() {
        return location;
    }

    /** Who pointed at it: {@code --libdnn}, {@code RDKZOO_LIBDNN} or {@code system}. */
    public String origin() {
        return origin;
    }

    /** Whether the library exports {@code hbDNNGetErrorDesc} (else errors are described from rdkzoo's table). */
    public boolean hasErrorDescriptions() {
        return errorDescriptions;
    }

    /** What a status code means, from the library when it can say, else from the documented table. */
    public String describe(int code) {
        if (errorDescriptions) {
            String description = api.hbDNNGetErrorDesc(code);
            if (description != null && !description.isBlank()) {
                return description;
            }
        }
        return HbDnnStatus.of(code).map(HbDnnStatus::description)
                .orElse("undocumented status code (this libdnn cannot describe it)");
    }

    /**
     * Opens one or more {@code .bin} files as one packed model ({@code hbDNNInitializeFromFiles}).
     *
     * @throws java.io.UncheckedIOException wrapping {@link java.nio.file.NoSuchFileException} if a file is missing
     * @throws HbDnnException               if libdnn rejects the files
     */
    public BpuModel loadModel(List<Path> files) {
        return BpuModel.load(this, files);
    }

    /** {@link #loadModel(List)} for these files. */
    public BpuModel loadModel(Path... files) {
        return loadModel(Arrays.asList(files));
    }

    HbDnnLibrary api() {
        return api;
    }

    /** The per-inference calls (direct-mapped for the first libdnn of the JVM). */
    HotPath hotPath() {
        return hotPath;
    }

    /** This library with its per-inference calls through the interface mapping (tests compare both mappings). */
    Libdnn withInterfaceMapping() {
        return new Libdnn(api, new HotPath.Proxy(api), location, origin, errorDescriptions);
    }

    /** Throws {@link HbDnnException} when {@code status} is not 0. */
    void check(String function, int status) {
        if (status != 0) {
            throw failure(function, status);
        }
    }

    HbDnnException failure(String function, int status) {
        return new HbDnnException(function, status, describe(status));
    }

    @Override
    public String toString() {
        return "libdnn " + version + " (" + location + ")";
    }

    /** A candidate that exists but cannot serve as libdnn; becomes one line of the unavailable message. */
    private static final class UnusableLibraryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableLibraryException(String message) {
            super(message);
        }
    }
}
