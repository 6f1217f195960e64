package org.rdkzoo.mapperconfigs.validate;

import java.nio.file.Path;

/**
 * What to check beyond the config itself.
 *
 * @param checkFiles whether to open the ONNX model and the calibration folder the config names
 * @param baseDir    where relative paths resolve for a config that has no file (built in code);
 *                   a config read from a file resolves them against the file's folder
 */
public record ValidationOptions(boolean checkFiles, Path baseDir) {

    /** Everything, files included; relative paths of code-built configs resolve against the working directory. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(true, Path.of("").toAbsolutePath());
    }

    /** The config alone ({@code --no-files}). */
    public static ValidationOptions configOnly() {
        return new ValidationOptions(false, Path.of("").toAbsolutePath());
    }

    public ValidationOptions withBaseDir(Path dir) {
        return new ValidationOptions(checkFiles, dir);
    }
}
