package org.rdkzoo.mapperconfigs.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;

class ExperimentStoreTest {
    @TempDir
    Path workspace;

    private static Experiment experiment(String id, ExperimentStatus status, String runKey, double cosine) {
        return experiment(id, status, runKey, cosine, null);
    }

    private static Experiment experiment(String id, ExperimentStatus status, String runKey, double cosine, RunOwner owner) {
        return new Experiment(Experiment.SCHEMA, id, null, status, null, 0, new Experiment.Model("/m/b2.onnx", "ab"),
                new Experiment.Config("/c.yaml", "cd", "config.yaml", Map.of(), "ef", "effective-config.yaml",
                        Map.of("calibration_parameters.calibration_type", "kl")),
                null, null, List.of(), new Provenance("0.1", "h", "os", "x86_64", "jvm", "2025-01-01T00:00:00Z", null,
                        List.of(), Map.of()), 1.0, null, List.of(), List.of(new OutputSimilarity("output", cosine, 0.1, 0.1, 0.1)),
                List.of(), Map.of(), runKey, owner);
    }

    /** The pid of a process that has run and ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        p.onExit().get();
        return p.pid();
    }

    private static void save(ExperimentStore store, Experiment e) throws Exception {
        store.create(e.id());
        store.save(e);
    }

    @Test
    void theIndexIsRebuiltFromTheFoldersWhenMissingOrStale() throws Exception {
        ExperimentStore store = new ExperimentStore(workspace);
        save(store, experiment("20250101-000001-aaaaaa", ExperimentStatus.SUCCEEDED, "k1", 0.99));
        save(store, experiment("20250101-000002-bbbbbb", ExperimentStatus.FAILED, "k2", 0.5));
        Path index = store.root().resolve("index.json");
        Files.delete(index);
        assertEquals(2, store.list().size());
        assertTrue(Files.isRegularFile(index), "rebuilt and written back");

        // A record changed behind the index's back (another tool, a crashed writer) wins over the index.
        Path record = store.folder("20250101-000002-bbbbbb").resolve("experiment.json");
        Json.writeAtomically(record, experiment("20250101-000002-bbbbbb", ExperimentStatus.SUCCEEDED, "k2", 0.97));
        Files.setLastModifiedTime(record, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(ExperimentStatus.SUCCEEDED, store.list().get(1).status());
        assertEquals(0.97, store.list().get(1).outputCosine());

        // A folder copied in from elsewhere appears.
        Files.createDirectories(store.folder("20250101-000003-cccccc"));
        Json.writeAtomically(store.folder("20250101-000003-cccccc").resolve("experiment.json"),
                experiment("20250101-000003-cccccc", ExperimentStatus.SUCCEEDED, "k3", 0.9));
        assertEquals(3, store.list().size());
        assertEquals("20250101-000003-cccccc", store.succeeded("k3").orElseThrow().id());
    }

    @Test
    void concurrentWritersLoseNoEntry() throws Exception {
        ExperimentStore store = new ExperimentStore(workspace);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = String.format("20250101-0000%02d-%06d", i, i);
            futures.add(pool.submit(() -> {
                save(new ExperimentStore(workspace), experiment(id, ExperimentStatus.SUCCEEDED, "k" + id, 0.9));
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        ExperimentStore.IndexFile index = Json.read(store.root().resolve("index.json"), ExperimentStore.IndexFile.class);
        assertEquals(24, index.experiments().size());
    }

    @Test
    void idsResolveByUniquePrefixOrLabelAndAmbiguityNamesTheCandidates() throws Exception {
        ExperimentStore store = new ExperimentStore(workspace);
        save(store, experiment("20250101-000001-aaaaaa", ExperimentStatus.SUCCEEDED, "k1", 0.99));
        save(store, experiment("20250101-000002-bbbbbb", ExperimentStatus.SUCCEEDED, "k2", 0.99));
        assertEquals("20250101-000002-bbbbbb", store.resolve("20250101-000002"));
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class, () -> store.resolve("2025"));
        assertTrue(ambiguous.getMessage().contains("matches 2 experiments (20250101-000001-aaaaaa, 20250101-000002-bbbbbb)"),
                ambiguous.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> store.resolve("2024")).getMessage()
                .startsWith("no experiment matches '2024'"));
    }

    @Test
    void newIdsSortByTimeAndDifferWithinASecond() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-03-14T10:00:01Z"), java.time.ZoneOffset.UTC);
        String a = ExperimentStore.newId(clock, "x");
        String b = ExperimentStore.newId(clock, "x");
        assertTrue(a.startsWith("20250314-100001-"), a);
        assertTrue(!a.equals(b));
    }

    @Test
    void aRunningRecordWhoseProcessIsGoneReadsAsAbandonedAndItsFileIsLeftAlone() throws Exception {
        ExperimentStore store = new ExperimentStore(workspace);
        String here = Provenance.localHost();
        save(store, experiment("20250101-000001-aaaaaa", ExperimentStatus.RUNNING, "k1", 0.9,
                new RunOwner(deadPid(), here, null)));
        save(store, experiment("20250101-000002-bbbbbb", ExperimentStatus.RUNNING, "k2", 0.9, RunOwner.current()));
        save(store, experiment("20250101-000003-cccccc", ExperimentStatus.RUNNING, "k3", 0.9,
                new RunOwner(deadPid(), "another-host", null)));
        // This JVM's pid, but a process that started at another time: the pid was reused, the owner is gone.
        RunOwner reused = new RunOwner(ProcessHandle.current().pid(), here, "2001-01-01T00:00:00Z");
        save(store, experiment("20250101-000004-dddddd", ExperimentStatus.RUNNING, "k4", 0.9, reused));
        Path file = store.folder("20250101-000001-aaaaaa").resolve("experiment.json");
        byte[] before = Files.readAllBytes(file);

        assertEquals(List.of(ExperimentStatus.ABANDONED, ExperimentStatus.RUNNING, ExperimentStatus.RUNNING,
                ExperimentStatus.ABANDONED), store.list().stream().map(ExperimentSummary::status).toList());
        Experiment read = store.read("20250101-000001-aaaaaa");
        assertEquals(ExperimentStatus.ABANDONED, read.status());
        assertTrue(read.message().contains("pid " + read.owner().pid() + " on " + here), read.message());
        assertEquals(ExperimentStatus.RUNNING, store.read("20250101-000003-cccccc").status(),
                "on another host nothing can be told");
        assertArrayEquals(before, Files.readAllBytes(file), "reading does not rewrite the record");
        assertEquals(List.of("20250101-000002-bbbbbb"), store.runningHere("k2").map(ExperimentSummary::id).stream().toList());
        assertTrue(store.runningHere("k1").isEmpty());
    }

    @Test
    void settlingWritesTheAbandonedRecordsOfARunKeyOnly() throws Exception {
        ExperimentStore store = new ExperimentStore(workspace);
        save(store, experiment("20250101-000001-aaaaaa", ExperimentStatus.RUNNING, "k1", 0.9,
                new RunOwner(deadPid(), Provenance.localHost(), null)));
        save(store, experiment("20250101-000002-bbbbbb", ExperimentStatus.RUNNING, "k2", 0.9,
                new RunOwner(deadPid(), Provenance.localHost(), null)));
        store.settleAbandoned("k1", "run again as 20250101-000003-cccccc");
        JsonNode settled = Json.mapper().readTree(store.folder("20250101-000001-aaaaaa").resolve("experiment.json").toFile());
        assertEquals("abandoned", settled.get("status").asText());
        assertTrue(settled.get("message").asText().endsWith("run again as 20250101-000003-cccccc"));
        assertEquals("running", Json.mapper().readTree(store.folder("20250101-000002-bbbbbb").resolve("experiment.json")
                .toFile()).get("status").asText());
        assertEquals(ExperimentStatus.ABANDONED, store.list().get(0).status());
    }
}
