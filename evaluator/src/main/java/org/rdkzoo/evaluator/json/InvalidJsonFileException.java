package org.rdkzoo.evaluator.json;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON file that does not parse or does not have the expected shape, located to line and column. */
public final class InvalidJsonFileException extends IOException {
    private final Path file;

    InvalidJsonFileException(Path file, JsonProcessingException cause) {
        super(describe(file, cause), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String describe(Path file, JsonProcessingException e) {
        StringBuilder s = new StringBuilder(file.toString());
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            s.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            s.append(": field '").append(path).append('\'');
        }
        s.append(": ").append(e.getOriginalMessage());
        return s.toString();
    }
}
