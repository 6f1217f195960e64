package org.rdkzoo.cli;

/**
 * The exit codes of every rdkzoo command. They are part of the CLI contract (the README lists them):
 * scripts and CI jobs branch on them, so a value never changes meaning.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation failed: network, I/O, a toolchain or runtime error. */
    public static final int FAILURE = 1;
    /** Bad command line or invalid input (unknown option, malformed file, config with errors). */
    public static final int USAGE = 2;
    /** An accuracy threshold was exceeded ({@code compare --max-drop}). */
    public static final int THRESHOLD = 3;
    /** Integrity problem: a checksum mismatch, a missing or changed cached file ({@code verify}). */
    public static final int INTEGRITY = 4;
    /** Something the command needs is not available here: libdnn, docker or hb_mapper, a file offline. */
    public static final int UNAVAILABLE = 5;
    /** Interrupted by the user (Ctrl-C); whatever was completed is kept. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
