package org.rdkzoo.mapperconfigs.validate;

/** How bad a finding is: errors stop a build, warnings do only with {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
