package org.rdkzoo.evaluator.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rdkzoo.evaluator.io.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of every file rdkzoo writes: indented, unknown fields ignored on read (newer
 * files stay readable), written atomically so an interrupted write never leaves half a file.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();


    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes {@code value} to a sibling temporary file, then renames it over {@code file}. */
    public static void writeAtomically(Path file, Object value) throws IOException {
        AtomicFiles.write(file, tmp -> MAPPER.writeValue(tmp.toFile(), value));
    }

    /** Writes {@code text} (UTF-8) to a sibling temporary file, then renames it over {@code file}. */
    public static void writeStringAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Reads a JSON file into {@code type}; a malformed file is reported with its name, line, column
     * and the field that was being read.
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonMappingException e) {
            throw new InvalidJsonFileException(file, e);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonFileException(file, e);
        }
    }
}
