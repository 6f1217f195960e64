package org.rdkzoo.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.eval.Checkpoint;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.Assets;

/** eval and infer on the shared assets: real models, real JPEGs, a real Ctrl-C. */
class EvalRealDataTest {
    @TempDir
    Path dir;

    @Test
    void inferNamesTheTenchAndGoldfishAndListsAnUnreadableFile() throws IOException {
        Path samples = Assets.images("imagenet-sample-images");
        Path notAnImage = Files.writeString(dir.resolve("notes.jpg"), "hello");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("infer", "--model",
                Assets.model("mobilenetv2-12-int8.onnx").toString(), samples.resolve("n01440764_tench.JPEG").toString(),
                notAnImage.toString(), samples.resolve("n01443537_goldfish.JPEG").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[1].matches("\\s+1\\. tench\\s+0\\.\\d{4}\\s+\\(class 0\\)"), lines[1]);
        assertTrue(lines[7].matches("\\s+1\\. goldfish\\s+0\\.\\d{4}\\s+\\(class 1\\)"), lines[7]);
        assertTrue(r.err().contains("rdkzoo: error: " + notAnImage + ": not a JPEG, PNG or BMP image"), r.err());
    }

    @Test
    void evalPrintsAJsonSummaryAndWritesTheResultsFile() throws IOException {
        Path out = dir.resolve("st128.json");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("eval", "--model",
                Assets.model("mobilenet_v1_0.5_128_quant.onnx").toString(), "--data",
                Assets.images("imagenet-sample-images").toString(), "--labels",
                Assets.labels("labels_imagenet_1001_st.txt").toString(), "--limit", "40", "--format", "json", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode summary = Json.mapper().readTree(r.out());
        assertEquals(40, summary.get("images").asInt());
        assertEquals(out.toString(), summary.get("results").asText());
        EvaluationResults results = ResultsFiles.read(out);
        assertEquals(summary.get("top1").asInt(), results.metrics().top1());
        assertEquals(40, results.images().size());
        assertEquals(1, results.dataset().labels().offset());
        assertTrue(results.provenance().versions().containsKey("onnxruntime"), results.provenance().toString());
        assertEquals(List.of("eval", "--model"), results.provenance().commandLine().subList(0, 2));
    }

    @Test
    void anUnreadableImageIsListedOrWithStrictStopsTheRunNamingIt() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/n01440764"));
        Files.copy(Assets.images("imagenet-sample-images").resolve("n01440764_tench.JPEG"), data.resolve("tench.JPEG"));
        Files.writeString(data.resolve("broken.JPEG"), "not a JPEG");
        String[] args = {"eval", "--model", Assets.model("mobilenet_v2_1.0_224_int8_per_tensor.onnx").toString(),
            "--data", dir.resolve("data").toString(), "--out", dir.resolve("r.json").toString(), "--quiet"};
        CliRunner.Result strict = new CliRunner(dir.resolve("home")).run(EvalCommandTest.concat(args, "--strict"));
        assertEquals(ExitCodes.USAGE, strict.exitCode(), strict.err());
        assertTrue(strict.err().startsWith("rdkzoo: error: unreadable image n01440764/broken.JPEG: not a JPEG, PNG or "
                + "BMP image"), strict.err());
        assertFalse(Files.exists(dir.resolve("r.json")));

        CliRunner.Result listed = new CliRunner(dir.resolve("home")).run(EvalCommandTest.concat(args, "--restart"));
        assertEquals(ExitCodes.OK, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("images   1 evaluated, 1 failed (unreadable, or the runtime failed; listed "
                + "with reasons in the results)"), listed.out());
        EvaluationResults r = ResultsFiles.read(dir.resolve("r.json"));
        assertEquals("n01440764/broken.JPEG", r.failures().get(0).id());
        assertTrue(r.failures().get(0).reason().startsWith("not a JPEG, PNG or BMP image"), r.failures().toString());
    }

    @Test
    void withoutOutTheResultsGoToTheWorkspaceUnderANameOfTheRun() throws IOException {
        Path home = dir.resolve("home");
        CliRunner.Result r = new CliRunner(home).run("eval", "--model",
                Assets.model("mobilenet_v2_1.0_224_int8_per_tensor.onnx").toString(), "--data",
                Assets.images("imagenet-sample-images").toString(), "--limit", "8", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        try (var files = Files.list(home.resolve("results"))) {
            List<Path> written = files.toList();
            assertEquals(1, written.size());
            assertTrue(written.get(0).getFileName().toString()
                    .matches("mobilenet_v2_1\\.0_224_int8_per_tensor_imagenet-sample-images_[0-9a-f]{10}\\.json"),
                    written.toString());
            assertTrue(r.out().contains("results  " + written.get(0)), r.out());
        }
        assertEquals("", r.err());
    }

    /**
     * Runs eval in a child JVM, interrupts it with SIGINT once part of the images are in the checkpoint, then
     * runs the same command again; the final results must equal those of an uninterrupted run.
     */
    @Test
    void ctrlCKeepsTheCheckpointAndTheSameCommandResumesToTheSameResults() throws Exception {
        Path out = dir.resolve("r.json");
        List<String> args = List.of("eval", "--model", Assets.model("mobilenet_v1_0.25_224_keras_fp32.onnx").toString(),
                "--data", Assets.images("imagenet-sample-images").toString(), "--mean", "127.5", "--scale", "1/127.5",
                "--limit", "160", "--batch", "4", "--threads", "1", "--out", out.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "org.rdkzoo.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile());
        // The class path goes through the environment: ONNX Runtime 1.29 crashes (SIGSEGV while creating its
        // environment) when the JVM's command line is longer than about 4 KB, and Maven's class path is longer.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process child = builder.start();
        Path checkpoint = Checkpoint.pathFor(out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(checkpoint) < 1 + 20 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(child.isAlive(), () -> "the child finished before it could be interrupted (exit "
                + child.exitValue() + "): " + readQuietly("child.err"));
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start().waitFor();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop after SIGINT");

        String err = read("child.err");
        assertEquals(ExitCodes.INTERRUPTED, child.exitValue(), err);
        assertTrue(err.contains("run the same command again to resume"), err);
        assertFalse(Files.exists(out));
        long kept = lines(checkpoint) - 1;
        assertTrue(kept >= 20 && kept < 160, kept + " images in the checkpoint");

        CliRunner.Result resumed = new CliRunner(dir.resolve("home")).run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming " + checkpoint + ": " + kept + " of 160 images already done"),
                resumed.err());
        Path whole = dir.resolve("whole.json");
        List<String> again = new ArrayList<>(args);
        again.set(again.indexOf(out.toString()), whole.toString());
        assertEquals(ExitCodes.OK, new CliRunner(dir.resolve("home")).run(again.toArray(String[]::new)).exitCode());
        EvaluationResults a = ResultsFiles.read(out);
        EvaluationResults b = ResultsFiles.read(whole);
        assertEquals(b.images(), a.images());
        assertEquals(b.metrics(), a.metrics());
        assertEquals((int) kept, a.backend().settings().get("resumedImages"));
        assertFalse(Files.exists(checkpoint));
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private String readQuietly(String name) {
        try {
            return read(name);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var l = Files.lines(file)) {
            return l.count();
        }
    }
}
