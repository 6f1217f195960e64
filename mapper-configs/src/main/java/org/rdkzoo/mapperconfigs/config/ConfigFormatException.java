package org.rdkzoo.mapperconfigs.config;

import java.io.IOException;
import java.nio.file.Path;

/** A config file that cannot be read at all: not YAML, a forbidden tag, an alias bomb, not a mapping. */
public final class ConfigFormatException extends IOException {
    private final transient Path file;
    private final Position position;

    public ConfigFormatException(Path file, Position position, String message) {
        this(file, position, message, null);
    }

    public ConfigFormatException(Path file, Position position, String message, Throwable cause) {
        super((file == null ? "<config>" : file.toString()) + (position.known() ? ":" + position : "") + ": " + message, cause);
        this.file = file;
        this.position = position;
    }

    public Path file() {
        return file;
    }

    public Position position() {
        return position;
    }
}
