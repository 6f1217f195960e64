package org.rdkzoo.evaluator.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.StringStringEntryProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;

class ExternalDataTest {
    @TempDir
    Path dir;

    /** The tiny conv net with conv.weight moved to {@code location} at byte 100 of that file. */
    private Path writeWithExternalWeight(String location, boolean writeData) throws Exception {
        OnnxModel model = TinyGraphs.convNet(13);
        TensorProto w = model.initializer("conv.weight").orElseThrow();
        if (writeData) {
            byte[] raw = w.getRawData().toByteArray();
            byte[] file = new byte[100 + raw.length + 7];
            System.arraycopy(raw, 0, file, 100, raw.length);
            Files.createDirectories(dir.resolve(location).getParent());
            Files.write(dir.resolve(location), file);
        }
        TensorProto external = w.toBuilder().clearRawData().setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("100"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(Integer.toString(w.getRawData().size())))
                .build();
        OnnxModel withExternal = model.edit().replaceInitializer(external).build();
        Path file = dir.resolve("model.onnx");
        Files.write(file, withExternal.toByteArray());
        return file;
    }

    @Test
    void externalDataIsReadFromBesideTheModel() throws Exception {
        Path file = writeWithExternalWeight("weights/model.data", true);
        OnnxModel read = OnnxModel.read(file);
        assertArrayEquals(TinyGraphs.convNet(13).initializerFloats("conv.weight"), read.initializerFloats("conv.weight"));

        // Saved again, the model is self-contained and runs without the data file.
        Path copy = dir.resolve("copy/inline.onnx");
        read.save(copy);
        Files.delete(dir.resolve("weights/model.data"));
        OnnxModel inline = OnnxModel.read(copy);
        assertEquals(TensorProto.DataLocation.DEFAULT, inline.initializer("conv.weight").orElseThrow().getDataLocation());
        float[] x = TinyGraphs.ramp(32, 0.1f);
        assertArrayEquals(OrtRunner.run(TinyGraphs.convNet(13), "x", x, 1, 2, 4, 4).get("y"),
                OrtRunner.run(inline, "x", x, 1, 2, 4, 4).get("y"), 0f);
    }

    @Test
    void aMissingDataFileIsNamedInTheError() throws Exception {
        Path file = writeWithExternalWeight("model.data", false);
        InvalidOnnxModelException e = assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(file));
        assertTrue(e.getMessage().contains("conv.weight") && e.getMessage().contains("model.data")
                && e.getMessage().contains("missing"), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void dataOutsideTheModelFolderIsRefused() throws Exception {
        Path file = writeWithExternalWeight("../outside.data", false);
        InvalidOnnxModelException e = assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(file));
        assertTrue(e.getMessage().contains("outside the model's folder"), e.getMessage());
    }

    @Test
    void aModelParsedFromBytesCannotLookForExternalData() throws Exception {
        Path file = writeWithExternalWeight("model.data", true);
        InvalidOnnxModelException e = assertThrows(InvalidOnnxModelException.class,
                () -> OnnxModel.parse(Files.readAllBytes(file)));
        assertTrue(e.getMessage().contains("external files"), e.getMessage());
    }

    @Test
    void aTruncatedDataFileIsReported() throws Exception {
        Path file = writeWithExternalWeight("model.data", true);
        Files.write(dir.resolve("model.data"), new byte[120]);
        InvalidOnnxModelException e = assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(file));
        assertTrue(e.getMessage().contains("which has 120"), e.getMessage());
    }

    @Test
    void filesThatAreNotModelsAreRefusedWithTheReason() throws Exception {
        Path lfs = dir.resolve("lfs.onnx");
        Files.writeString(lfs, "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n");
        assertTrue(assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(lfs)).getMessage().contains("Git LFS"));

        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertTrue(assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(empty)).getMessage().contains("empty"));

        Path text = Files.writeString(dir.resolve("text.onnx"), "model_parameters:\n  march: bayes-e\n");
        InvalidOnnxModelException e = assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(text));
        assertTrue(e.getMessage().startsWith(text.toString()) && e.getMessage().contains("not an ONNX model"), e.getMessage());

        Path bare = Files.write(dir.resolve("bare.onnx"), ModelProto.newBuilder().setIrVersion(7).build().toByteArray());
        assertTrue(assertThrows(InvalidOnnxModelException.class, () -> OnnxModel.read(bare)).getMessage().contains("no graph"));
    }
}
