package org.rdkzoo.evaluator.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.rdkzoo.evaluator.json.Json;

/**
 * JSON of reports: rdkzoo's conventions, except that an undefined number (NaN, no images) is written
 * as {@code null} rather than the string "NaN", so that any JSON reader gets a number or nothing.
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(new SimpleModule("nan-as-null")
            .addSerializer(Double.class, new DoubleSerializer())
            .addSerializer(double.class, new DoubleSerializer())
            .addSerializer(Float.class, new FloatSerializer())
            .addSerializer(float.class, new FloatSerializer()));

    private ReportJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static final class DoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v.isNaN() || v.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static final class FloatSerializer extends JsonSerializer<Float> {
        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v.isNaN() || v.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }
}
