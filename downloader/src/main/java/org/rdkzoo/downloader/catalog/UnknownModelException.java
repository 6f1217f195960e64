package org.rdkzoo.downloader.catalog;

import java.util.List;

/** A model or family name the catalog does not know, with the closest names it does know. */
public final class UnknownModelException extends RuntimeException {
    private final String name;
    private final List<String> suggestions;

    public UnknownModelException(String kind, String name, List<String> suggestions, String hint) {
        super(message(kind, name, suggestions, hint));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    private static String message(String kind, String name, List<String> suggestions, String hint) {
        StringBuilder m = new StringBuilder("unknown ").append(kind).append(" '").append(name).append('\'');
        if (hint != null) {
            m.append(": ").append(hint);
        } else if (!suggestions.isEmpty()) {
            m.append("; did you mean ").append(String.join(", ", suggestions)).append('?');
        }
        return m.toString();
    }

    public String name() {
        return name;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
