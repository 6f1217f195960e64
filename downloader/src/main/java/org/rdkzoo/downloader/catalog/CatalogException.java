package org.rdkzoo.downloader.catalog;

/**
 * A catalog file that cannot be used: bad YAML, an unknown field, a value of the wrong kind. The
 * message starts with {@code file:line:column} so editors and users can jump to the problem.
 */
public final class CatalogException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file   the catalog file (or the name of the embedded resource)
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     */
    public CatalogException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public CatalogException(String file, int line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(String file, int line, int column) {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
