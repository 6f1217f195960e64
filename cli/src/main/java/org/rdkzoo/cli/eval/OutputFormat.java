package org.rdkzoo.cli.eval;

/** {@code --format}: a table for people, or JSON for scripts. */
enum OutputFormat {
    TEXT, JSON
}
