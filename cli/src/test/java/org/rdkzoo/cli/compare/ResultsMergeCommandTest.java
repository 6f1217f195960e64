package org.rdkzoo.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;

class ResultsMergeCommandTest {
    @TempDir
    Path dir;

    private String shard(int index, int count, String... ids) throws IOException {
        var b = results("bpu", "m.bin").subset(null, null, index, count);
        for (String id : ids) {
            b.image(image(id, 1, id.startsWith("x") ? 2 : 1, .9f));
        }
        Path file = dir.resolve("shard" + index + ".json");
        ResultsFiles.write(file, b.build());
        return file.toString();
    }

    @Test
    void mergesShardsIntoOneResultsFileWithInputsInProvenance() throws IOException {
        String s1 = shard(1, 2, "a", "xb");
        String s2 = shard(2, 2, "c");
        Path out = dir.resolve("merged.json");
        CliRunner.Result r = new CliRunner(dir).run("results", "merge", s2, s1, "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("rdkzoo: merged 2 shards: 3 images, Top-1 66.67%, Top-5 66.67%, 0 failed; wrote " + out + "\n",
                r.err());
        EvaluationResults merged = ResultsFiles.read(out);
        assertEquals(List.of("a", "c", "xb"), merged.images().stream().map(i -> i.id()).toList());
        assertEquals(2, merged.metrics().top1());
        assertEquals(List.of(s1, s2), merged.provenance().inputs().stream().map(i -> i.path()).toList());
        assertEquals(Sha256.of(Path.of(s1)), merged.provenance().inputs().get(0).sha256());
        assertTrue(merged.provenance().finished() != null);
        assertTrue(merged.provenance().commandLine().containsAll(List.of("rdkzoo", "results", "merge")));
    }

    @Test
    void overlapsAndGapsAreUsageErrors() throws IOException {
        String s1 = shard(1, 3, "a", "b");
        String s3 = shard(3, 3, "b");
        CliRunner.Result r = new CliRunner(dir).run("results", "merge", s1, s3, "--out", dir.resolve("m.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("rdkzoo: error: missing shard 2 of 3 (have 1, 3)"), r.err());
        String s2 = shard(2, 3, "c");
        r = new CliRunner(dir).run("results", "merge", s1, s2, s3, "--out", dir.resolve("m.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("rdkzoo: error: 1 image is in two shards, e.g. 'b'"), r.err());
        assertFalse(Files.exists(dir.resolve("m.json")), "nothing is written when the merge is refused");
    }

    @Test
    void outIsRequiredAndNeverOneOfTheShards() throws IOException {
        String s1 = shard(1, 1, "a");
        CliRunner.Result noOut = new CliRunner(dir).run("results", "merge", s1);
        assertEquals(ExitCodes.USAGE, noOut.exitCode());
        assertTrue(noOut.err().contains("Missing required option: '--out=FILE'"), noOut.err());
        CliRunner.Result self = new CliRunner(dir).run("results", "merge", s1, "--out", s1);
        assertEquals(ExitCodes.USAGE, self.exitCode());
        assertTrue(self.err().contains("--out " + s1 + " is one of the input files"), self.err());
    }

    @Test
    void resultsWithoutSubcommandShowsUsage() {
        CliRunner.Result r = new CliRunner(dir).run("results");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("merge"), r.err());
    }
}
