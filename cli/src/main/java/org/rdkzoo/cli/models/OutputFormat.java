package org.rdkzoo.cli.models;

/** How a listing is printed on stdout. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** One JSON document for programs. */
    JSON,
    /** RFC 4180 CSV with a header row, for spreadsheets. */
    CSV
}
