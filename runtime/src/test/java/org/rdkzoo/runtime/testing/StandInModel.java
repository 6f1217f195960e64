package org.rdkzoo.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the text description the libdnn stand-in reads in place of a {@code .bin} (format in
 * {@code libdnn_standin.c}). For example, a zoo-like classifier:
 *
 * <pre>{@code
 * Path bin = StandInModel.named("efficientnet_b2")
 *         .input("data", "NV12", "NCHW", "1x3x224x224")
 *         .output("logits", "F32", "NCHW", "1x1000x1x1")
 *         .writeTo(dir.resolve("efficientnet_b2.bin"));
 * }</pre>
 */
public final class StandInModel {
    private final String name;
    private final List<String> lines = new ArrayList<>();

    private StandInModel(String name) {
        this.name = name;
    }

    /** A model with this name (what hbDNNGetModelNameList reports). */
    public static StandInModel named(String name) {
        return new StandInModel(name);
    }

    /** A zoo-style classifier: NV12 NCHW input {@code 1x3xHxW}, F32 output {@code 1xCx1x1} without quantization. */
    public static StandInModel classifier(String name, int height, int width, int classes) {
        return named(name).input("data", "NV12", "NCHW", "1x3x" + height + "x" + width)
                .output("logits", "F32", "NCHW", "1x" + classes + "x1x1");
    }

    /**
     * Adds an input.
     *
     * @param options {@code aligned=…}, {@code stride=…}, {@code bytes=…}, {@code quant=…}, {@code axis=…},
     *                {@code scale=…}, {@code zero=…}, {@code shift=…}
     */
    public StandInModel input(String tensor, String type, String layout, String valid, String... options) {
        return tensor("input", tensor, type, layout, valid, options);
    }

    /** Adds an output (options as for {@link #input}). */
    public StandInModel output(String tensor, String type, String layout, String valid, String... options) {
        return tensor("output", tensor, type, layout, valid, options);
    }

    /** What hbDNNInfer computes: {@code scores} (the default), {@code echo} or {@code none}. */
    public StandInModel compute(String what) {
        lines.add("  compute " + what);
        return this;
    }

    /** Tasks finish this long after hbDNNInfer. */
    public StandInModel delayMicros(long micros) {
        lines.add("  delay_us " + micros);
        return this;
    }

    /** Tasks never finish: hbDNNWaitTaskDone times out. */
    public StandInModel hang() {
        lines.add("  hang");
        return this;
    }

    /** {@code function} returns {@code code} on every call for this model. */
    public StandInModel fail(String function, int code) {
        lines.add("  fail " + function + " " + code);
        return this;
    }

    /** {@code function} returns {@code code} after {@code after} successful calls, {@code times} times. */
    public StandInModel fail(String function, int code, int after, int times) {
        lines.add("  fail " + function + " " + code + " after " + after + " times " + times);
        return this;
    }

    /** The description text. */
    public String text() {
        return "model " + name + "\n" + String.join("\n", lines) + "\n";
    }

    /** Writes this model's description to {@code file} and returns it. */
    public Path writeTo(Path file) {
        return write(file, this);
    }

    /** Writes several models into one description file (one "{@code .bin}" holding them all). */
    public static Path write(Path file, StandInModel... models) {
        StringBuilder text = new StringBuilder("# libdnn stand-in model description (not a real .bin)\n");
        for (StandInModel model : models) {
            text.append(model.text());
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private StandInModel tensor(String kind, String tensor, String type, String layout, String valid, String[] options) {
        StringBuilder line = new StringBuilder("  ").append(kind).append(' ').append(tensor).append(' ').append(type)
                .append(' ').append(layout).append(" valid=").append(valid);
        for (String option : options) {
            line.append(' ').append(option);
        }
        lines.add(line.toString());
        return this;
    }
}
