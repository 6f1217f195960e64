package org.rdkzoo.mapperconfigs.toolchain;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds programs on the {@code PATH} of a given environment. The environment is passed in, not read from
 * the JVM, so tests can put stand-ins first; the found program is started by its absolute path so the
 * JVM's own {@code PATH} plays no part.
 */
public final class Executables {
    private Executables() {
    }

    public static Optional<Path> find(String name, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // a malformed PATH entry: skip it as a shell would
            }
        }
        return Optional.empty();
    }
}
