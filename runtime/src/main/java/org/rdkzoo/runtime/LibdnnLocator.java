package org.rdkzoo.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where to look for libdnn, in order of precedence: an explicit path (the CLI's {@code --libdnn PATH}), else
 * the {@code RDKZOO_LIBDNN} environment variable, else the system: {@code libdnn.so} through JNA's search
 * ({@code jna.library.path}, {@code LD_LIBRARY_PATH}, the loader's paths), then {@code /usr/lib/libdnn.so}
 * as on the board. A location the user gave is the only one tried: pointing at a library that is not there
 * is an error, not a reason to pick up another one silently. Pure: the environment is passed in.
 */
public final class LibdnnLocator {
    /** The environment variable naming the library file. */
    public static final String ENV_VAR = "RDKZOO_LIBDNN";

    /** Tried when neither a path nor the variable is given: a name for JNA's search, then the board's path. */
    public static final List<String> SYSTEM_LIBRARIES = List.of("dnn", "/usr/lib/libdnn.so");

    private LibdnnLocator() {
    }

    /**
     * One place to try.
     *
     * @param library a file path, or a bare library name for JNA's search ({@code dnn})
     * @param origin  who asked for it: {@code --libdnn}, {@code RDKZOO_LIBDNN} or {@code system}
     */
    public record Candidate(String library, String origin) {
        /** Whether {@link #library()} is a file path rather than a name to search for. */
        public boolean isPath() {
            return library.indexOf('/') >= 0 || library.endsWith(".so");
        }

        @Override
        public String toString() {
            return switch (origin) {
                case "system" -> isPath() ? library : "lib" + library + ".so on the system library path";
                case "--libdnn" -> "--libdnn " + library;
                default -> origin + "=" + library;
            };
        }
    }

    /** The places to try, in order, for this explicit path (may be null) and environment. */
    public static List<Candidate> candidates(Path explicit, Map<String, String> env) {
        return candidates(explicit, env, SYSTEM_LIBRARIES);
    }

    /** As {@link #candidates(Path, Map)}, with another list of system libraries (tests). */
    public static List<Candidate> candidates(Path explicit, Map<String, String> env, List<String> system) {
        if (explicit != null) {
            return List.of(new Candidate(explicit.toAbsolutePath().toString(), "--libdnn"));
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return List.of(new Candidate(Path.of(fromEnv.trim()).toAbsolutePath().toString(), ENV_VAR));
        }
        return system.stream().map(s -> new Candidate(s, "system")).toList();
    }
}
