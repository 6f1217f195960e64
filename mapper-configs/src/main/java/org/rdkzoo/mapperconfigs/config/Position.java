package org.rdkzoo.mapperconfigs.config;

/** A place in a config file, 1-based, as editors count lines and columns. */
public record Position(int line, int column) {
    /** No position: the value was set in code, not read from a file. */
    public static final Position NONE = new Position(0, 0);

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return known() ? line + ":" + column : "?";
    }
}
