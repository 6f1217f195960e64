package org.rdkzoo.mapperconfigs.config;

/**
 * A scalar PyYAML reads as a date or time ({@code 2024-01-05}); no hb_mapper key takes one, so it is
 * kept as written for the validator to report and the writer to reproduce.
 */
public record YamlTimestamp(String text) {
    @Override
    public String toString() {
        return text;
    }
}
