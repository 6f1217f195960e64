package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.tensor.DataType;
import org.rdkzoo.runtime.tensor.QuantiType;
import org.rdkzoo.runtime.tensor.Quantization;
import org.rdkzoo.runtime.tensor.Shape;
import org.rdkzoo.runtime.tensor.TensorInfo;
import org.rdkzoo.runtime.tensor.TensorLayout;
import org.rdkzoo.runtime.tensor.TensorProperties;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

class BpuModelTest {
    private static Libdnn libdnn;
    private static LibdnnStandIn.Hooks hooks;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadStandIn() {
        libdnn = Libdnn.load(LibdnnStandIn.library());
        hooks = LibdnnStandIn.hooks();
    }

    @Test
    void modelNamesComeFromTheLibraryNotTheFileName() {
        Path bin = StandInModel.classifier("EfficientNet_B2", 4, 4, 10)
                .writeTo(dir.resolve("efficientnet_b2_224x224_nv12.bin"));
        try (BpuModel model = libdnn.loadModel(bin)) {
            assertEquals(List.of("EfficientNet_B2"), model.modelNames());
            assertEquals("EfficientNet_B2", model.describe().name());
            assertEquals(List.of(bin.toAbsolutePath()), model.files());
        }
    }

    @Test
    void severalFilesAndSeveralModelsPerFileLoadAsOnePack() {
        Path first = StandInModel.write(dir.resolve("pair.bin"), StandInModel.classifier("a", 2, 2, 3),
                StandInModel.classifier("b", 4, 4, 5));
        Path second = StandInModel.classifier("c", 2, 2, 7).writeTo(dir.resolve("c.bin"));
        try (BpuModel model = libdnn.loadModel(first, second);
                InferenceSession b = model.newSession("b");
                InferenceSession c = model.newSession("c")) {
            assertEquals(List.of("a", "b", "c"), model.modelNames());
            assertEquals(Shape.of(1, 5, 1, 1), model.describe("b").output(0).properties().validShape());
            assertEquals(4, Nv12.argmax(b.infer(Nv12.flat(4, 4, 4, 0, 0))[0]));
            assertEquals(6, Nv12.argmax(c.infer(Nv12.flat(2, 2, 6, 0, 0))[0]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.describe("d"));
            assertEquals("no model named 'd' in " + model.files() + "; it holds [a, b, c]", e.getMessage());
        }
    }

    @Test
    void descriptionsCarryPaddingStridesAndQuantizationArrays() {
        Path bin = StandInModel.named("described")
                .input("data", "NV12", "NCHW", "1x3x224x224", "aligned=1x3x224x256")
                .output("logits", "F32", "NCHW", "1x1000x1x1")
                .output("q", "S8", "NHWC", "1x2x2x3", "aligned=1x2x2x8", "quant=SCALE", "axis=3",
                        "scale=0.5,0.25,2", "zero=1,-2,3")
                .output("s", "S32", "NONE", "1x4", "quant=SHIFT", "shift=5")
                .writeTo(dir.resolve("described.bin"));
        try (BpuModel model = libdnn.loadModel(bin)) {
            ModelDescription d = model.describe();
            assertEquals(new TensorInfo(0, "data", new TensorProperties(Shape.of(1, 3, 224, 224),
                    Shape.of(1, 3, 224, 256), TensorLayout.NCHW, DataType.NV12, Quantization.none(),
                    224 * 256 * 3 / 2, new int[] {0, 0, 0, 0})), d.input(0));
            assertArrayEquals(new int[] {4000, 4, 4, 4}, d.output(0).properties().stride());
            TensorProperties q = d.output(1).properties();
            assertEquals(Quantization.scale(3, new float[] {0.5f, 0.25f, 2f}, new int[] {1, -2, 3}), q.quantization());
            assertArrayEquals(new int[] {32, 16, 8, 1}, q.stride(), "dense over the aligned 1x2x2x8");
            assertEquals(32, q.alignedByteSize());
            TensorProperties s = d.output(2).properties();
            assertEquals(QuantiType.SHIFT, s.quantization().type());
            assertArrayEquals(new int[] {5}, s.quantization().shifts());
        }
    }

    @Test
    void aMissingFileIsNamedBeforeLibdnnIsAsked() {
        Path missing = dir.resolve("nope.bin");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> libdnn.loadModel(missing));
        NoSuchFileException cause = assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertEquals(missing.toString(), cause.getFile());
    }

    @Test
    void aFileLibdnnCannotReadFailsWithItsStatus() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "this is not a model\n");
        HbDnnException e = assertThrows(HbDnnException.class, () -> libdnn.loadModel(garbage));
        assertEquals("hbDNNInitializeFromFiles", e.function());
        assertEquals("HB_DNN_INVALID_MODEL", e.codeName());
    }

    @Test
    void aFailureWhileDescribingReleasesThePackedHandle() {
        Path bin = StandInModel.classifier("c", 2, 2, 3)
                .fail("hbDNNGetOutputTensorProperties", HbDnnStatus.HB_DNN_INVALID_DNN_HANDLE.code())
                .writeTo(dir.resolve("c.bin"));
        int packs = hooks.standin_live("pack");
        HbDnnException e = assertThrows(HbDnnException.class, () -> libdnn.loadModel(bin));
        assertEquals("hbDNNGetOutputTensorProperties failed: HB_DNN_INVALID_DNN_HANDLE (-6000005): "
                + "stand-in: invalid dnn handle", e.getMessage());
        assertEquals(packs, hooks.standin_live("pack"));
    }

    @Test
    void closingTheModelClosesItsSessionsAndFreesEverything() {
        int before = hooks.standin_live_allocations();
        Path bin = StandInModel.classifier("c", 2, 2, 3).writeTo(dir.resolve("c.bin"));
        BpuModel model = libdnn.loadModel(bin);
        InferenceSession one = model.newSession();
        model.newSession();
        assertEquals(before + 1 + 2 * 2, hooks.standin_live_allocations(), "the pack and two buffers per session");
        model.close();
        model.close();
        assertEquals(before, hooks.standin_live_allocations());
        assertThrows(IllegalStateException.class, one::run);
        IllegalStateException e = assertThrows(IllegalStateException.class, model::newSession);
        assertEquals("this model (" + model.files() + ") is closed", e.getMessage());
    }

    @Test
    void aSessionWhoseMemoryCannotBeAllocatedFreesWhatItGot() {
        Path bin = StandInModel.named("m").input("data", "NV12", "NCHW", "1x3x2x2")
                .output("a", "F32", "NONE", "1x2").output("b", "F32", "NONE", "1x2")
                .writeTo(dir.resolve("m.bin"));
        try (BpuModel model = libdnn.loadModel(bin)) {
            int mems = hooks.standin_live("mem");
            hooks.standin_inject("hbSysAllocCachedMem", HbDnnStatus.HB_SYS_OUT_OF_MEMORY.code(), 2, 1);
            try {
                HbDnnException e = assertThrows(HbDnnException.class, model::newSession);
                assertEquals("hbSysAllocCachedMem failed: HB_SYS_OUT_OF_MEMORY (-6000130): stand-in: sys out of memory",
                        e.getMessage());
            } finally {
                hooks.standin_clear_injections();
            }
            assertEquals(mems, hooks.standin_live("mem"), "the input and first output buffers were freed");
        }
    }
}
