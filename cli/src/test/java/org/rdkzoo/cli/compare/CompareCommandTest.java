package org.rdkzoo.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.compare.CompareFixtures;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;

class CompareCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;
    private String a;
    private String b;

    @BeforeEach
    void writeResults() throws IOException {
        cli = new CliRunner(dir.resolve("home"));
        a = write("float.json", CompareFixtures.reference().results());
        b = write("board.json", CompareFixtures.candidate().results());
    }

    private String write(String name, EvaluationResults r) throws IOException {
        Path file = dir.resolve(name);
        ResultsFiles.write(file, r);
        return file.toString();
    }

    @Test
    void exceedingMaxDropExitsWithThreeAfterPrintingTheReport() {
        CliRunner.Result r = cli.run("compare", a, b, "--max-drop", "1.0");
        assertEquals(ExitCodes.THRESHOLD, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("rdkzoo compare: 10 paired images of 'imagenet-sample'\n"), r.out());
        assertTrue(r.out().contains("Verdict: FAIL: Top-1 dropped by 20.00 points"), r.out());
        assertEquals("rdkzoo: Top-1 drop of 20.00 points exceeds the 1.00 allowed (--max-drop 1, --verdict point)\n",
                r.err());
    }

    @Test
    void dropWithinTheThresholdExitsZero() {
        CliRunner.Result r = cli.run("compare", a, b, "--max-drop", "20");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Verdict: PASS:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void relativeThresholdAndBoundRulesAreParsed() {
        // A's Top-1 is 80%: 25% of it allows 20 points, exactly the drop; the strict rule judges the upper limit.
        assertEquals(ExitCodes.OK, cli.run("compare", a, b, "--max-drop-rel", "0.25").exitCode());
        CliRunner.Result strict = cli.run("compare", a, b, "--max-drop-rel", "0.25", "--verdict", "upper-bound");
        assertEquals(ExitCodes.THRESHOLD, strict.exitCode(), strict.err());
        assertTrue(strict.out().contains("the upper 95% limit of the drop"), strict.out());
        assertTrue(strict.err().startsWith("rdkzoo: upper limit of the Top-1 drop, 52.11 points, exceeds the 20.00"
                + " allowed (--max-drop-rel 0.25, --verdict upper-bound)"), strict.err());
        assertEquals(ExitCodes.OK, cli.run("compare", a, b, "--max-drop", "1", "--verdict", "lower-bound").exitCode());
    }

    @Test
    void withoutThresholdNothingIsJudged() {
        CliRunner.Result r = cli.run("compare", a, b);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Verdict: Top-1 dropped by 20.00 points"), r.out());
    }

    @Test
    void badThresholdOptionsAreUsageErrors() {
        CliRunner.Result both = cli.run("compare", a, b, "--max-drop", "1", "--max-drop-rel", "0.1");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRunner.Result rel = cli.run("compare", a, b, "--max-drop-rel", "2");
        assertEquals(ExitCodes.USAGE, rel.exitCode());
        assertTrue(rel.err().contains("--max-drop-rel is a fraction of A's Top-1 (0.02 for 2%), was 2.0"), rel.err());
        CliRunner.Result rule = cli.run("compare", a, b, "--max-drop", "1", "--verdict", "median");
        assertEquals(ExitCodes.USAGE, rule.exitCode());
        assertTrue(rule.err().contains("expected point, upper-bound or lower-bound but was 'median'"), rule.err());
        CliRunner.Result lone = cli.run("compare", a, b, "--verdict", "upper-bound");
        assertEquals(ExitCodes.USAGE, lone.exitCode());
        assertTrue(lone.err().contains("--verdict needs --max-drop or --max-drop-rel"), lone.err());
    }

    @Test
    void everyFormatGoesToStdoutOrToOut() throws IOException {
        JsonNode json = Json.mapper().readTree(cli.run("compare", a, b, "--format", "json").out());
        assertEquals(-0.2, json.at("/top1/delta/value").asDouble(), 1e-12);
        assertTrue(json.at("/provenance/commandLine").toString().contains("\"--format\""), json.at("/provenance")
                .toString());
        assertTrue(cli.run("compare", a, b, "--format", "md").out().contains("| Top-1 | 80.00 (49.02-94.33) |"));
        assertEquals(11, cli.run("compare", a, b, "--format", "csv").out().split("\r\n").length);

        Path html = dir.resolve("out/compare.html");
        CliRunner.Result r = cli.run("compare", a, b, "--format", "html", "--out", html.toString(), "--max-drop", "1");
        assertEquals(ExitCodes.THRESHOLD, r.exitCode(), "the verdict holds whatever the format");
        assertEquals("", r.out(), "nothing on stdout when writing a file");
        assertTrue(r.err().startsWith("rdkzoo: wrote " + html + "\n"), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("id=\"class-delta-chart\""));
    }

    @Test
    void differentDatasetsAreRefusedUnlessIntersecting() throws IOException {
        String other = write("other.json", results("bpu", "m.bin").manifest("ffee")
                .images(CompareFixtures.candidateImages().subList(0, 6)).build());
        CliRunner.Result refused = cli.run("compare", a, other);
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertEquals("", refused.out());
        assertTrue(refused.err().startsWith("rdkzoo: error: " + a + " and " + other + " were not evaluated on the same"
                + " images: different datasets"), refused.err());
        assertTrue(refused.err().contains("Pass --intersect to compare the 6 images both evaluated."), refused.err());

        CliRunner.Result joined = cli.run("compare", a, other, "--intersect");
        assertEquals(ExitCodes.OK, joined.exitCode(), joined.err());
        assertTrue(joined.out().startsWith("rdkzoo compare: 6 paired images"), joined.out());
        assertTrue(joined.err().contains("compared the 6 images both runs evaluated; left out 4 only in A and 0 only"
                + " in B"), joined.err());
    }

    @Test
    void noCommonImageWithAThresholdCannotPass() throws IOException {
        String empty = write("empty.json", results("bpu", "m.bin").build());
        String none = write("none.json", results("onnxruntime", "m.onnx").build());
        CliRunner.Result r = cli.run("compare", none, empty, "--max-drop", "1");
        assertEquals(ExitCodes.FAILURE, r.exitCode());
        assertTrue(r.out().contains("UNDETERMINED"), r.out());
        assertTrue(r.err().contains("rdkzoo: error: no image is in both results: cannot judge --max-drop 1"), r.err());
        assertEquals(ExitCodes.OK, cli.run("compare", none, empty).exitCode(), "without a threshold it is a report");
    }

    @Test
    void malformedAndMissingFilesAreUsageErrorsNamingTheFile() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"rdkzoo.results/1\", \"images\": [ {\"id\": 3, \"label\": \"x\"} ]}");
        CliRunner.Result r = cli.run("compare", a, bad.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("rdkzoo: error: " + bad + ":1:"), r.err());
        assertTrue(r.err().contains("field 'images[0].label'"), r.err());
        CliRunner.Result missing = cli.run("compare", a, dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("no such file: " + dir.resolve("nope.json")), missing.err());
    }

    @Test
    void htmlThumbnailsComeFromTheImagesFolder() throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "jpeg", images.resolve("img0").toFile());
        String page = cli.run("compare", a, b, "--format", "html", "--images", images.toString()).out();
        assertEquals(1, page.split("<img src=\"data:image/jpeg;base64,", -1).length - 1, page.length() + " chars");
        assertTrue(page.contains("<div class=\"placeholder mono\">img1</div>"));
    }

    @Test
    void helpShowsAnExample() {
        CliRunner.Result r = cli.run("compare", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("rdkzoo compare float.json board.json --max-drop 1.0"), r.out());
        assertTrue(r.out().contains("--verdict=RULE"), r.out());
        assertFalse(r.out().contains("mapper"), r.out());
    }
}
