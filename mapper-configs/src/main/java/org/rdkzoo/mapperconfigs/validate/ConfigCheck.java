package org.rdkzoo.mapperconfigs.validate;

/** One rule or a family of closely related rules over a config; adds diagnostics to the context. */
public interface ConfigCheck {
    void check(CheckContext context);

    /** Whether this check reads files (skipped with {@code --no-files}). */
    default boolean readsFiles() {
        return false;
    }
}
