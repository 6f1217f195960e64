package org.rdkzoo.evaluator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;
import static org.rdkzoo.evaluator.results.ResultsFixtures.top5Hit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults.ClassMetrics;

class ShardMergerTest {
    private static final Provenance MERGE = Provenance.start(ResultsFixtures.CLOCK, List.of("results", "merge"),
            Map.of()).finish(ResultsFixtures.CLOCK);

    @TempDir
    Path dir;

    private ResultsFixtures.Builder shard(int index, int count) {
        return results("onnxruntime", "m.onnx").subset(100, 7L, index, count).name(1, "goldfish").name(2, "shark");
    }

    private LoadedResults write(String name, EvaluationResults r) throws IOException {
        Path file = dir.resolve(name);
        ResultsFiles.write(file, r);
        return LoadedResults.read(file);
    }

    @Test
    void mergesShardsRecomputingMetricsPerClassCountsAndFailures() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2)
                .image(image("d.JPEG", 1, 1, .9f)).image(image("b.JPEG", 2, 7, .6f)).build());
        LoadedResults s2 = write("s2.json", shard(2, 2)
                .image(top5Hit("c.JPEG", 1, 3, .5f)).image(image("a.JPEG", 2, 2, .8f))
                .failure("e.JPEG", "not a JPEG").build());

        ShardMerger.Merged merged = ShardMerger.merge(List.of(s2, s1), MERGE);
        EvaluationResults r = merged.results();

        assertEquals(List.of("a.JPEG", "b.JPEG", "c.JPEG", "d.JPEG"), r.images().stream().map(i -> i.id()).toList());
        // Top-1: a and d right; Top-5: c too.
        assertEquals(4, r.metrics().images());
        assertEquals(2, r.metrics().top1());
        assertEquals(3, r.metrics().top5());
        assertEquals(0.5, r.metrics().top1Accuracy());
        assertEquals(0.75, r.metrics().top5Accuracy());
        assertEquals(1, r.metrics().failures());
        assertEquals(List.of(new ClassMetrics(1, "goldfish", 2, 1, 2), new ClassMetrics(2, "shark", 2, 1, 1)),
                r.metrics().perClass());
        assertEquals(List.of(new EvaluationResults.Failure("e.JPEG", "not a JPEG")), r.failures());
        // The merged run covers the whole subset: no shard any more, limit and seed kept.
        assertEquals(new EvaluationResults.Subset(100, 7L, null, null), r.dataset().subset());
        // Every image covered, the failed one included: a.JPEG..e.JPEG sorted, one per line.
        assertEquals(Sha256.of("a.JPEG\nb.JPEG\nc.JPEG\nd.JPEG\ne.JPEG\n"), r.dataset().imageIdsSha256());
        // Provenance names both inputs in shard order, with their hashes.
        assertEquals(List.of(new Provenance.InputFile(s1.file(), Sha256.of(dir.resolve("s1.json"))),
                new Provenance.InputFile(s2.file(), Sha256.of(dir.resolve("s2.json")))),
                r.provenance().inputs());
        assertEquals("1.29.0", r.provenance().versions().get("onnxruntime"));
        assertTrue(merged.warnings().isEmpty(), merged.warnings().toString());

        Path out = dir.resolve("merged.json");
        ResultsFiles.write(out, r);
        assertEquals(r, ResultsFiles.read(out));
    }

    @Test
    void perClassCountsAreKeyedByTheModelClassIndexAndNamedFromTheLabelMap() throws Exception {
        // A 1001-class model: dataset label 1 ("goldfish") is model class 2.
        LoadedResults s1 = write("s1.json", results("onnxruntime", "tf.onnx").offset(1).subset(null, null, 1, 1)
                .labelNames(List.of("tench", "goldfish")).image(image("a.JPEG", 2, 2, .9f))
                .image(image("b.JPEG", 2, 5, .9f)).build());
        EvaluationResults r = ShardMerger.merge(List.of(s1), MERGE).results();
        assertEquals(List.of(new ClassMetrics(2, "goldfish", 2, 1, 1)), r.metrics().perClass());
    }

    @Test
    void refusesAnImageInTwoShardsNamingItAndBothFiles() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s2 = write("s2.json", shard(2, 2).image(image("b.JPEG", 1, 1, .9f))
                .failure("a.JPEG", "unreadable").build());
        ShardMergeException e = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(s1, s2), MERGE));
        assertTrue(e.getMessage().startsWith("1 image is in two shards, e.g. 'a.JPEG' (" + s1.file() + " and "
                + s2.file() + ")"), e.getMessage());
    }

    @Test
    void refusesAGapNamingTheMissingShard() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 3).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s3 = write("s3.json", shard(3, 3).image(image("c.JPEG", 1, 1, .9f)).build());
        ShardMergeException e = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(s1, s3), MERGE));
        assertTrue(e.getMessage().startsWith("missing shard 2 of 3 (have 1, 3)"), e.getMessage());
    }

    @Test
    void refusesTheSameShardIndexTwice() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults again = write("s1-again.json", shard(1, 2).image(image("b.JPEG", 1, 1, .9f)).build());
        ShardMergeException e = assertThrows(ShardMergeException.class,
                () -> ShardMerger.merge(List.of(s1, again), MERGE));
        assertEquals("shard 1/2 is given twice: " + s1.file() + " and " + again.file(), e.getMessage());
    }

    @Test
    void refusesShardsOfAnotherModelNamingTheField() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s2 = write("s2.json", shard(2, 2).sha("bb22").image(image("b.JPEG", 1, 1, .9f)).build());
        ShardMergeException e = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(s1, s2), MERGE));
        assertEquals(s2.file() + " is not a shard of the same run as " + s1.file()
                + ": model.sha256 is bb22 here but aa11 in the first shard", e.getMessage());
    }

    @Test
    void refusesShardsWithOtherPreprocessingDatasetOrBackend() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s2 = write("s2.json", results("bpu", "m.onnx").subset(100, 7L, 2, 2).manifest("ff")
                .preprocessing(PreprocessSpec.letterbox()).image(image("b.JPEG", 1, 1, .9f)).build());
        String m = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(s1, s2), MERGE)).getMessage();
        assertTrue(m.contains("backend.kind is bpu here but onnxruntime"), m);
        assertTrue(m.contains("dataset.manifestSha256 is ff here"), m);
        assertTrue(m.contains("preprocessing.resize is LETTERBOX here but SHORT_SIDE_CENTER_CROP"), m);
        assertTrue(m.contains("preprocessing.preset is letterbox here but oe"), m);
    }

    @Test
    void refusesShardsOfDifferentShardCounts() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s2 = write("s2.json", shard(2, 3).image(image("b.JPEG", 1, 1, .9f)).build());
        String m = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(s1, s2), MERGE)).getMessage();
        assertTrue(m.contains("it is shard 2/3 and " + s1.file() + " is shard 1/2"), m);
    }

    @Test
    void refusesAFileThatIsNotAShard() throws Exception {
        LoadedResults whole = write("whole.json", results("onnxruntime", "m.onnx").image(image("a.JPEG", 1, 1, .9f))
                .build());
        String m = assertThrows(ShardMergeException.class, () -> ShardMerger.merge(List.of(whole), MERGE)).getMessage();
        assertTrue(m.startsWith(whole.file() + " is not a shard"), m);
    }

    @Test
    void warnsWhenShardsRanWithDifferentRuntimeVersions() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 2).image(image("a.JPEG", 1, 1, .9f)).build());
        LoadedResults s2 = write("s2.json", shard(2, 2).versions(Map.of("onnxruntime", "1.28.0")).root("/mnt/other")
                .image(image("b.JPEG", 1, 1, .9f)).build());
        ShardMerger.Merged merged = ShardMerger.merge(List.of(s1, s2), MERGE);
        assertEquals(2, merged.warnings().size(), merged.warnings().toString());
        assertTrue(merged.warnings().get(0).contains("{onnxruntime=1.28.0}"), merged.warnings().get(0));
        assertTrue(merged.warnings().get(1).contains("/mnt/other"), merged.warnings().get(1));
    }

    @Test
    void mergingEmptyShardsGivesUndefinedAccuracyNotAnError() throws Exception {
        LoadedResults s1 = write("s1.json", shard(1, 1).subset(null, null, 1, 1).build());
        EvaluationResults r = ShardMerger.merge(List.of(s1), MERGE).results();
        assertEquals(0, r.metrics().images());
        assertTrue(Double.isNaN(r.metrics().top1Accuracy()));
        assertNull(r.dataset().subset());
    }

    @Test
    void oldProvenanceWithoutInputsStillReads() throws IOException {
        Path file = dir.resolve("old.json");
        EvaluationResults r = ResultsFilesTest.sample();
        String json = org.rdkzoo.evaluator.json.Json.write(r).replace(",\n    \"inputs\" : [ ]", "");
        assertTrue(!json.contains("\"inputs\""), json);
        java.nio.file.Files.writeString(file, json);
        assertEquals(r, ResultsFiles.read(file));
    }
}
