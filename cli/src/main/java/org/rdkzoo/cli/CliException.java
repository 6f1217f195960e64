package org.rdkzoo.cli;

/**
 * A failure the user should see as one message and a specific exit code. Commands translate module
 * exceptions into this at the CLI boundary; {@link Main} prints the message (and the cause's stack
 * trace only with {@code --verbose}).
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
