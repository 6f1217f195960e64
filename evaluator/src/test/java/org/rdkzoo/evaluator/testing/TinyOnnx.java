package org.rdkzoo.evaluator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny ONNX image classifiers written in code (protobuf wire format by hand, so tests need neither protoc nor
 * a committed binary). Each is {@code Flatten -> MatMul(W)} over a 3-channel image, optionally with a softmax,
 * and with uint8 input and/or output: the shapes of the real models (float NCHW logits; the ST models' uint8
 * NHWC input and quantized softmax output), small enough to check by hand.
 *
 * <p>With {@link #patternWeights}, class {@code c} scores the sum of input elements whose flat index {@code j}
 * has {@code j % classes == c}: an input with ones exactly there is classified as {@code c}.
 */
public final class TinyOnnx {
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;

    /**
     * @param nhwc      {@code [N,H,W,3]} instead of {@code [N,3,H,W]}
     * @param batch     the batch axis: -1 dynamic ("N"), else fixed
     * @param height    input height
     * @param width     input width
     * @param classes   output classes
     * @param uint8In   uint8 input (cast to float inside)
     * @param softmax   end with a softmax (probabilities) instead of logits
     * @param uint8Out  quantize the softmax to uint8 (round(p * 255)); implies softmax
     */
    public record Spec(boolean nhwc, int batch, int height, int width, int classes, boolean uint8In, boolean softmax,
            boolean uint8Out) {
        public static Spec floatLogits(int size, int classes) {
            return new Spec(false, -1, size, size, classes, false, false, false);
        }

        public static Spec uint8Nhwc(int size, int classes) {
            return new Spec(true, 1, size, size, classes, true, true, true);
        }

        public Spec withSoftmax() {
            return new Spec(nhwc, batch, height, width, classes, uint8In, true, uint8Out);
        }

        public Spec withBatch(int b) {
            return new Spec(nhwc, b, height, width, classes, uint8In, softmax, uint8Out);
        }

        public int elements() {
            return 3 * height * width;
        }
    }

    private TinyOnnx() {
    }

    /** W[j][c] = 1 when j % classes == c. */
    public static float[] patternWeights(int elements, int classes) {
        float[] w = new float[elements * classes];
        for (int j = 0; j < elements; j++) {
            w[j * classes + j % classes] = 1f;
        }
        return w;
    }

    /** An input that the pattern weights classify as {@code c} (ones at j % classes == c, scaled by {@code v}). */
    public static float[] patternInput(int elements, int classes, int c, float v) {
        float[] x = new float[elements];
        for (int j = c; j < elements; j += classes) {
            x[j] = v;
        }
        return x;
    }

    public static Path write(Path file, Spec spec) throws IOException {
        return write(file, spec, patternWeights(spec.elements(), spec.classes()));
    }

    public static Path write(Path file, Spec spec, float[] weights) throws IOException {
        Files.write(file, model(spec, weights));
        return file;
    }

    public static byte[] model(Spec s, float[] weights) {
        Proto graph = new Proto();
        String x = "x";
        if (s.uint8In()) {
            graph.message(1, node("cast_in", "Cast", new String[] {"image"}, "xf", attrInt("to", FLOAT)));
            x = "xf";
        }
        graph.message(1, node("flatten", "Flatten", new String[] {x}, "flat", attrInt("axis", 1)));
        graph.message(1, node("matmul", "MatMul", new String[] {"flat", "W"}, "logits"));
        String out = "logits";
        if (s.softmax() || s.uint8Out()) {
            graph.message(1, node("softmax", "Softmax", new String[] {"logits"}, "probs", attrInt("axis", 1)));
            out = "probs";
        }
        if (s.uint8Out()) {
            graph.message(1, node("scale", "Mul", new String[] {"probs", "k255"}, "scaled"));
            graph.message(1, node("round", "Round", new String[] {"scaled"}, "rounded"));
            graph.message(1, node("cast_out", "Cast", new String[] {"rounded"}, "scores", attrInt("to", UINT8)));
            out = "scores";
        }
        graph.string(2, "tiny");
        graph.message(5, floatTensor("W", new long[] {s.elements(), s.classes()}, weights));
        if (s.uint8Out()) {
            graph.message(5, floatTensor("k255", new long[] {}, new float[] {255f}));
        }
        String inputName = s.uint8In() ? "image" : "x";
        long[] inShape = s.nhwc() ? new long[] {s.batch(), s.height(), s.width(), 3}
                : new long[] {s.batch(), 3, s.height(), s.width()};
        graph.message(11, valueInfo(inputName, s.uint8In() ? UINT8 : FLOAT, inShape));
        graph.message(12, valueInfo(out, s.uint8Out() ? UINT8 : FLOAT, new long[] {s.batch(), s.classes()}));

        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto().varint(1, 7).string(2, "rdkzoo-tests").message(8, opset).message(7, graph).bytes();
    }

    private static Proto node(String name, String op, String[] inputs, String output, Proto... attributes) {
        Proto n = new Proto();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, name).string(4, op);
        for (Proto a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    private static Proto attrInt(String name, long value) {
        return new Proto().string(1, name).varint(3, value).varint(20, 2);
    }

    private static Proto floatTensor(String name, long[] dims, float[] values) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return t.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    private static Proto valueInfo(String name, int elemType, long[] shape) {
        Proto dims = new Proto();
        for (long d : shape) {
            dims.message(1, d < 0 ? new Proto().string(2, "N") : new Proto().varint(1, d));
        }
        Proto tensor = new Proto().varint(1, elemType).message(2, dims);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** A protobuf message being written: fields appended in order. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.bytes());
        }

        Proto bytes(int field, byte[] value) {
            tag(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            writeVarint(((long) field << 3) | wireType);
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
