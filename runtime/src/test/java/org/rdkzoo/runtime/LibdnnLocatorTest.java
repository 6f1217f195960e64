package org.rdkzoo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.runtime.LibdnnLocator.Candidate;
import org.rdkzoo.runtime.testing.Gcc;
import org.rdkzoo.runtime.testing.LibdnnStandIn;

class LibdnnLocatorTest {
    @TempDir
    Path dir;

    @Test
    void anExplicitPathWinsOverTheEnvironmentWhichWinsOverTheSystem() {
        Path explicit = Path.of("/opt/x5/libdnn.so");
        Map<String, String> env = Map.of("RDKZOO_LIBDNN", "/env/libdnn.so");
        assertEquals(List.of(new Candidate("/opt/x5/libdnn.so", "--libdnn")), LibdnnLocator.candidates(explicit, env));
        assertEquals(List.of(new Candidate("/env/libdnn.so", "RDKZOO_LIBDNN")), LibdnnLocator.candidates(null, env));
        assertEquals(List.of(new Candidate("dnn", "system"), new Candidate("/usr/lib/libdnn.so", "system")),
                LibdnnLocator.candidates(null, Map.of("RDKZOO_LIBDNN", " ")));
    }

    @Test
    void theEnvironmentVariableFindsTheLibraryAndItsVersion() {
        Path standIn = LibdnnStandIn.library();
        Libdnn libdnn = Libdnn.locate(null, Map.of("RDKZOO_LIBDNN", standIn.toString()));
        assertEquals("rdkzoo-standin (libdnn 1.24.5 ABI)", libdnn.version());
        assertEquals(standIn.toAbsolutePath().toString(), libdnn.location());
        assertSame(libdnn, Libdnn.load(standIn), "a library is loaded once per JVM");
    }

    @Test
    void theStandInSaysSoInItsVersionAndBoardVersionsDoNot() {
        assertTrue(Libdnn.load(LibdnnStandIn.library()).isStandIn());
        // hbDNNGetVersion strings of board libraries, as hrt_model_exec and the zoo's logs print them
        assertFalse(Libdnn.isStandInVersion("1.23.8_(3.15.49 HBRT)"));
        assertFalse(Libdnn.isStandInVersion("1.24.5"));
    }

    @Test
    void nothingFoundGivesOneMessageSayingWhatIsNeededAndHowToPointAtIt() {
        List<Candidate> system = LibdnnLocator.candidates(null, Map.of(),
                List.of("rdkzoo_no_such_library", dir.resolve("libdnn.so").toString()));
        LibdnnUnavailableException e = assertThrows(LibdnnUnavailableException.class, () -> Libdnn.locate(system));
        assertTrue(e.getMessage().startsWith("libdnn not found: this command runs models on the BPU and needs an RDK X5"
                + " board (or its libdnn.so). Tried: librdkzoo_no_such_library.so on the system library path ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; " + dir.resolve("libdnn.so") + " (no such file). Run it on the board, or"
                + " point at the library with --libdnn PATH or RDKZOO_LIBDNN=PATH."), e.getMessage());
        assertEquals(2, e.attempts().size());
    }

    @Test
    void aMissingExplicitPathIsNotReplacedByAnotherLibrary() {
        Path missing = dir.resolve("libdnn.so");
        LibdnnUnavailableException e = assertThrows(LibdnnUnavailableException.class,
                () -> Libdnn.locate(missing, Map.of("RDKZOO_LIBDNN", LibdnnStandIn.library().toString())));
        assertEquals(List.of("--libdnn " + missing + " (no such file)"), e.attempts());
    }

    @Test
    void aLibraryWithoutTheApiIsRejectedByName() throws Exception {
        Path source = Files.writeString(dir.resolve("other.c"), "int not_libdnn(void) { return 0; }\n");
        Path other = dir.resolve("libother.so");
        Gcc.run(List.of("-shared", "-fPIC", "-o", other.toString(), source.toString()));
        LibdnnUnavailableException e = assertThrows(LibdnnUnavailableException.class, () -> Libdnn.load(other));
        assertEquals(List.of("--libdnn " + other + " (" + other + " is not libdnn: it has no hbDNNGetVersion)"),
                e.attempts());
    }

    @Test
    void aFileThatIsNotALibraryIsReportedWithTheLoadersReason() throws Exception {
        Path text = Files.writeString(dir.resolve("libdnn.so"), "not an ELF file");
        LibdnnUnavailableException e = assertThrows(LibdnnUnavailableException.class,
                () -> Libdnn.locate(null, Map.of("RDKZOO_LIBDNN", text.toString())));
        assertTrue(e.attempts().get(0).startsWith("RDKZOO_LIBDNN=" + text + " ("), e.attempts().toString());
    }
}
