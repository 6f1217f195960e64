package org.rdkzoo.mapperconfigs.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * The validation a build runs before it starts the toolchain, and a sweep runs on every combination:
 * a seam so the project's validator can be plugged in. Paths in the config are already absolute.
 */
@FunctionalInterface
public interface ConfigCheck {
    /** Problems with {@code config} (whose original file is {@code source}); errors stop the build. */
    List<Problem> check(MapperYaml config, Path source);

    /**
     * One finding.
     *
     * @param error   true for an error (the build is refused), false for a warning
     * @param key     the config key, {@code group.key}
     * @param message what is wrong and what was expected
     */
    record Problem(boolean error, String key, String message) {
        @Override
        public String toString() {
            return (error ? "error: " : "warning: ") + key + ": " + message;
        }
    }
}
