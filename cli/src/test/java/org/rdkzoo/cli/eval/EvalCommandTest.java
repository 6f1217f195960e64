package org.rdkzoo.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.SyntheticSet;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.evaluator.testing.TinyOnnx.Spec;
import org.rdkzoo.runtime.testing.LibdnnStandIn;

/** The eval command's contract for input it must refuse before reading any image. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;
    private Path data;
    private Path labels;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir.resolve("home"));
        SyntheticSet set = new SyntheticSet(dir.resolve("data"), 4, 12).add("a.png", 0, 0).add("b.png", 1, 1);
        data = set.root();
        labels = set.labelMap(dir.resolve("synsets.txt"));
    }

    @Test
    void helpDescribesTheDatasetsAndShowsExamples() {
        CliRunner.Result r = cli.run("eval", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("--ground-truth"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("--label-offset"), r.out());
    }

    @Test
    void aModelWithABackgroundClassIsRefusedWithTheOffsetHintAndNoFileWritten() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 5));
        Path out = dir.resolve("r.json");
        CliRunner.Result r = cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--labels",
                labels.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("has 5 classes, but the label map " + labels + " has 4"), r.err());
        assertTrue(r.err().contains("pass --label-offset 1"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("r.json.partial")));
    }

    @Test
    void aMissingModelIsAUsageError() {
        CliRunner.Result r = cli.run("eval", "--model", dir.resolve("nope.onnx").toString(), "--data", data.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("no such model file: " + dir.resolve("nope.onnx")), r.err());
    }

    @Test
    void aFileThatIsNotAModelIsAUsageErrorNamingIt() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.onnx"), "text");
        CliRunner.Result r = cli.run("eval", "--model", bad.toString(), "--data", data.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains(bad + ": ONNX Runtime cannot load the model"), r.err());
    }

    @Test
    void aBinModelRunsOnTheBpuWhichNeedsLibdnn() throws IOException {
        Path bin = Files.writeString(dir.resolve("efficientnet_b2.bin"), "hbm");
        Path missing = dir.resolve("libdnn.so");
        CliRunner.Result r = cli.run("eval", "--model", bin.toString(), "--data", data.toString(), "--libdnn",
                missing.toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode());
        assertTrue(r.err().contains("libdnn not found: this command runs models on the BPU and needs an RDK X5 board"),
                r.err());
        CliRunner.Result notAModel = cli.run("eval", "--model", bin.toString(), "--data", data.toString(), "--libdnn",
                LibdnnStandIn.library().toString());
        assertEquals(ExitCodes.USAGE, notAModel.exitCode());
        assertTrue(notAModel.err().contains(bin + ": libdnn cannot load the model: hbDNNInitializeFromFiles failed"),
                notAModel.err());
    }

    @Test
    void malformedShardSizeAndScaleOptionsAreUsageErrors() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        String[] base = {"eval", "--model", model.toString(), "--data", data.toString(), "--labels", labels.toString()};
        CliRunner.Result shard = cli.run(concat(base, "--shard", "2of3"));
        assertEquals(ExitCodes.USAGE, shard.exitCode());
        assertTrue(shard.err().contains("--shard: expected I/N (like 2/4), found '2of3'"), shard.err());
        CliRunner.Result outOfRange = cli.run(concat(base, "--shard", "4/3"));
        assertEquals(ExitCodes.USAGE, outOfRange.exitCode());
        assertTrue(outOfRange.err().contains("1 <= I <= N, was 4/3"), outOfRange.err());
        CliRunner.Result size = cli.run(concat(base, "--size", "big"));
        assertEquals(ExitCodes.USAGE, size.exitCode());
        assertTrue(size.err().contains("--size: expected WxH"), size.err());
        CliRunner.Result scale = cli.run(concat(base, "--scale", "1/x"));
        assertEquals(ExitCodes.USAGE, scale.exitCode());
        assertTrue(scale.err().contains("--scale: expected a number or a fraction"), scale.err());
        CliRunner.Result wrongSize = cli.run(concat(base, "--size", "224x224"));
        assertEquals(ExitCodes.USAGE, wrongSize.exitCode());
        assertTrue(wrongSize.err().contains("the model's input width is fixed at 2"), wrongSize.err());
    }

    @Test
    void aDatasetWithoutLabelsIsAUsageErrorWithTheWayOut() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(2, 4));
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.writeString(flat.resolve("cat.jpg"), "x");
        CliRunner.Result r = cli.run("eval", "--model", model.toString(), "--data", flat.toString(), "--labels",
                labels.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("pass --ground-truth FILE"), r.err());
    }

    @Test
    void theLastProgressLineCarriesTheFinalTop1() throws IOException {
        // Real images, in batches of one: a progress call per image, most of them within the refresh interval
        // of the top-1 text.
        Path photos = dir.resolve("photos");
        for (int i = 0; i < 12; i++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
            image.setRGB(i % 8, i / 8, 0xFFFFFF);
            Path file = Files.createDirectories(photos.resolve(SyntheticSet.wnid(i % 4))).resolve("img" + i + ".png");
            ImageIO.write(image, "png", file.toFile());
        }
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(4, 4));
        Path out = dir.resolve("r.json");
        CliRunner.Result r = cli.run("eval", "--model", model.toString(), "--data", photos.toString(), "--labels",
                labels.toString(), "--batch", "1", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        EvaluationResults.Metrics m = ResultsFiles.read(out).metrics();
        assertEquals(12, m.images(), r.err());
        String last = r.err().lines().filter(l -> l.contains("done in")).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains(String.format(Locale.ROOT, "top-1 %.1f%%", 100.0 * m.top1() / m.images())), last);
    }

    @Test
    void aMapperConfigSuppliesTheNormalisationRecordedInTheResults() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(4, 4));
        Path config = Files.writeString(dir.resolve("m.yaml"), """
                input_parameters:
                  input_type_train: 'bgr'
                  input_layout_train: 'NCHW'
                  norm_type: 'data_mean_and_scale'
                  mean_value: 127.5
                  scale_value: 0.0078125
                """);
        Path out = dir.resolve("r.json");
        CliRunner.Result r = cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--labels",
                labels.toString(), "--config", config.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        PreprocessSpec spec = ResultsFiles.read(out).preprocessing();
        assertEquals(List.of(127.5), spec.mean());
        assertEquals(List.of(0.0078125), spec.scale());
        assertEquals(PreprocessSpec.ColorOrder.BGR, spec.color());

        CliRunner.Result both = cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--labels",
                labels.toString(), "--config", config.toString(), "--mean", "1");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertTrue(both.err().contains("--config gives mean and scale"), both.err());
    }

    @Test
    void boardOnlyOptionsOnAnOnnxModelAreNamedAsIgnored() throws IOException {
        Path model = TinyOnnx.write(dir.resolve("m.onnx"), Spec.floatLogits(4, 4));
        CliRunner.Result r = cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--labels",
                labels.toString(), "--bpu-threads", "4", "--model-name", "x", "--out", dir.resolve("r.json").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: --bpu-threads applies to .bin models"), r.err());
        assertTrue(r.err().contains("warning: --model-name picks a model inside a packed .bin"), r.err());
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
