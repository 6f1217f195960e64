package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** Status code, its documented name, the library's description, the exception: for each, end to end. */
class ErrorMappingTest {
    @TempDir
    Path dir;

    @Test
    void everyDocumentedCodeMapsToItsNameAndTheLibrarysDescription() {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        assertTrue(libdnn.hasErrorDescriptions());
        for (HbDnnStatus status : HbDnnStatus.values()) {
            if (status == HbDnnStatus.HB_DNN_SUCCESS) {
                continue;
            }
            Path bin = StandInModel.classifier("m", 2, 2, 2).fail("hbDNNInfer", status.code())
                    .writeTo(dir.resolve(status + ".bin"));
            try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
                HbDnnException e = assertThrows(HbDnnException.class, session::run);
                assertEquals("hbDNNInfer", e.function());
                assertEquals(status.code(), e.code());
                assertEquals(status.name(), e.codeName());
                assertEquals(Optional.of(status), e.status());
                assertTrue(e.description().startsWith("stand-in: "), e.description());
                assertEquals("hbDNNInfer failed: " + status.name() + " (" + status.code() + "): " + e.description(),
                        e.getMessage());
            }
        }
    }

    @Test
    void anUndocumentedCodeIsUnknownButKeepsTheLibrarysDescription() {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.library());
        Path bin = StandInModel.classifier("m", 2, 2, 2).fail("hbDNNInfer", LibdnnStandIn.INPUT_NOT_CLEANED)
                .writeTo(dir.resolve("m.bin"));
        try (BpuModel model = libdnn.loadModel(bin); InferenceSession session = model.newSession()) {
            HbDnnException e = assertThrows(HbDnnException.class, session::run);
            assertEquals("UNKNOWN", e.codeName());
            assertEquals(Optional.empty(), e.status());
            assertTrue(e.getMessage().startsWith("hbDNNInfer failed: UNKNOWN (-6000900): stand-in: an input hbSysMem "
                    + "was not flushed"), e.getMessage());
        }
    }

    @Test
    void withoutHbDnnGetErrorDescTheDocumentedTableDescribesTheCode() {
        Libdnn libdnn = Libdnn.load(LibdnnStandIn.libraryWithoutErrorDesc());
        assertFalse(libdnn.hasErrorDescriptions());
        Path bin = StandInModel.classifier("m", 2, 2, 2)
                .fail("hbDNNGetModelNameList", HbDnnStatus.HB_DNN_INCOMPATIBLE_MODEL.code())
                .writeTo(dir.resolve("m.bin"));
        HbDnnException e = assertThrows(HbDnnException.class, () -> libdnn.loadModel(bin));
        assertEquals("hbDNNGetModelNameList failed: HB_DNN_INCOMPATIBLE_MODEL (-6000014): "
                + "the model was built for another BPU or runtime version", e.getMessage());
        assertEquals("undocumented status code (this libdnn cannot describe it)", libdnn.describe(-42));
    }
}
