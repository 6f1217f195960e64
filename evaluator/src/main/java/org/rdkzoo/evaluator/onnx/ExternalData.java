package org.rdkzoo.evaluator.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.StringStringEntryProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

import com.google.protobuf.ByteString;

/**
 * Loads initializers stored outside the .onnx file ({@code data_location = EXTERNAL}) into the model,
 * so that everything after reading sees ordinary {@code raw_data} and a saved model is self-contained.
 * As the ONNX spec says, {@code location} is relative to the model's folder; like onnx's own checker,
 * a location that is absolute or leaves that folder is refused (a model file must not make us read
 * arbitrary files).
 */
final class ExternalData {
    /** Protobuf messages (and Java arrays) stop at 2 GiB; keep a margin for the rest of the model. */
    static final long MAX_INLINE_BYTES = Integer.MAX_VALUE - (64L << 20);

    private ExternalData() {
    }

    static boolean uses(ModelProto model) {
        return model.getGraph().getInitializerList().stream()
                .anyMatch(t -> t.getDataLocation() == TensorProto.DataLocation.EXTERNAL);
    }

    static ModelProto inline(ModelProto model, Path modelFile) throws IOException {
        Path dir = modelFile.toAbsolutePath().getParent();
        GraphProto.Builder graph = model.getGraph().toBuilder();
        long total = model.getSerializedSize();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            if (t.getDataLocation() != TensorProto.DataLocation.EXTERNAL) {
                continue;
            }
            byte[] data = load(t, dir, modelFile);
            total += data.length;
            if (total > MAX_INLINE_BYTES) {
                throw new InvalidOnnxModelException(modelFile, "its external data exceeds 2 GiB, the size limit of "
                        + "a protobuf message; rdkzoo cannot load models this large");
            }
            graph.setInitializer(i, t.toBuilder().clearExternalData().clearDataLocation()
                    .setRawData(ByteString.copyFrom(data)).build());
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static byte[] load(TensorProto t, Path dir, Path modelFile) throws IOException {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = number(e.getValue(), "offset", t, modelFile);
                case "length" -> length = number(e.getValue(), "length", t, modelFile);
                default -> { } // "checksum" and future keys: not needed to read the bytes
            }
        }
        if (location == null || location.isEmpty()) {
            throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName()
                    + "' is marked EXTERNAL but has no 'location'");
        }
        Path file = dir.resolve(location).normalize();
        if (Path.of(location).isAbsolute() || !file.startsWith(dir)) {
            throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName() + "' points outside the model's folder ("
                    + location + "); external data must sit beside the model");
        }
        long expected = DataType.of(t.getDataType()).byteSize(Tensors.elementCount(t));
        if (length < 0) {
            length = expected;
        }
        if (length != expected) {
            throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName() + "' declares " + length
                    + " bytes of external data, its type and dims need " + expected);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset + length > ch.size()) {
                throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName() + "' needs bytes " + offset
                        + ".." + (offset + length) + " of " + file + ", which has " + ch.size());
            }
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(length));
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new IOException("unexpected end of " + file);
                }
            }
            return buf.array();
        } catch (NoSuchFileException e) {
            throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName() + "' keeps its data in "
                    + location + ", which is missing (looked for " + file + ")");
        }
    }

    private static long number(String value, String key, TensorProto t, Path modelFile) throws IOException {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidOnnxModelException(modelFile, "initializer '" + t.getName() + "' has external data "
                    + key + " '" + value + "', not a byte count");
        }
    }
}
