package org.rdkzoo.mapperconfigs.toolchain;

/** The toolchain cannot be reached here: the message says what was found missing and what to install or pull. */
public final class ToolchainUnavailableException extends Exception {
    public ToolchainUnavailableException(String message) {
        super(message);
    }
}
