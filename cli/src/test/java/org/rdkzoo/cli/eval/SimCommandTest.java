package org.rdkzoo.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.Tensors;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.sim.SimReport;
import org.rdkzoo.evaluator.testing.Assets;
import org.rdkzoo.evaluator.testing.SyntheticSet;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.MapperConfigReader;
import org.rdkzoo.mapperconfigs.config.NodeSetting;
import org.rdkzoo.mapperconfigs.standin.Workbench;

/** {@code rdkzoo sim} end to end: the real MobileNet, a refused int8 model, a model built to be fragile. */
class SimCommandTest {
    private static final int CLASSES = 10;

    @TempDir
    Path dir;

    @Test
    void simulatesTheRealMobileNetOnMapperCalibFilesAndPairsWithTheFloatRun() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("home"));
        Path calib = dir.resolve("calib");
        CliRunner.Result c = cli.run("mapper", "calib", "--images", Assets.images("imagenet-sample-images").toString(),
                "--out", calib.toString(), "--count", "24", "-q");
        assertEquals(ExitCodes.OK, c.exitCode(), c.err());
        String model = Assets.model("mobilenet_v1_0.25_224_keras_fp32.onnx").toString();
        String data = Assets.images("ilsvrc2012-val-1300").toString();
        Path sim = dir.resolve("sim.json");
        Path report = dir.resolve("layers.json");
        CliRunner.Result r = cli.run("sim", "--model", model, "--calib", calib.toString(), "--mean", "127.5", "--scale",
                "1/127.5", "--data", data, "--limit", "40", "--calibration", "kl", "--per-channel", "--report-samples", "4",
                "--out", sim.toString(), "--report", report.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("The main quantized node information:"), r.out());
        assertTrue(r.out().matches("(?s).*\\nconv_pw_13\\s+BPU\\s+--\\s+Conv\\s+0\\.\\d{6}\\s+\\d+\\.\\d{6}\\s+int8\\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\npredictions\\s+0\\.\\d{6}\\s+\\d\\.\\d{6}\\s+\\d\\.\\d{6}\\s+\\d\\.\\d{6}\\n.*"),
                r.out());
        EvaluationResults results = ResultsFiles.read(sim);
        assertEquals("sim", results.backend().kind());
        assertEquals("kl", results.backend().settings().get("calibrationType"));
        assertEquals(24, results.backend().settings().get("calibrationSamples"));
        SimReport layers = SimReport.read(report);
        assertEquals(24, layers.calibration().samples());
        assertEquals("kl", layers.table().settings().get("calibration_parameters.calibration_type"));

        Path floats = dir.resolve("float.json");
        CliRunner.Result f = cli.run("eval", "--model", model, "--mean", "127.5", "--scale", "1/127.5", "--data", data,
                "--limit", "40", "--out", floats.toString(), "--quiet");
        assertEquals(ExitCodes.OK, f.exitCode(), f.err());
        CliRunner.Result compare = cli.run("compare", floats.toString(), sim.toString());
        assertEquals(ExitCodes.OK, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("40 paired images"), compare.out());
    }

    @Test
    void anAlreadyQuantizedModelIsRefusedWithItsQuantizedNodesListed() throws Exception {
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("sim", "--model",
                Assets.model("mobilenetv2-12-int8.onnx").toString(), "--calib", dir.toString(), "--data", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("is already quantized (QOperator: 65 quantized nodes"), r.err());
        assertTrue(r.err().contains("give it the float .onnx"), r.err());
        assertTrue(r.out().matches("(?s).*\\n\\S+\\s+QLinearConv\\n.*"), r.out());
        assertTrue(r.out().contains("com.microsoft:QLinearAdd"), r.out());
    }

    /**
     * A classifier that int8 breaks: conv0's channel 3 carries a bias of 1000 that conv1 ignores, so an int8 input
     * to conv1 has a step of 1000/127 and loses the three useful channels. Its labels are its own float
     * predictions, so the float Top-1 is 100% and every point lost is the quantization's.
     */
    private Fragile fragile() throws Exception {
        Random random = new Random(3);
        float[] w0 = new float[4 * 3];
        float[] w1 = new float[CLASSES * 4];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (float) random.nextGaussian();
        }
        for (int o = 0; o < CLASSES; o++) {
            for (int i = 0; i < 3; i++) {
                w1[o * 4 + i] = (float) random.nextGaussian();
            }
        }
        Path model = dir.resolve("fragile.onnx");
        new OnnxBuilder("fragile", 13)
                .input("image", DataType.FLOAT, 1, 3, 32, 32)
                .output("logits", DataType.FLOAT, 1, CLASSES)
                .initializer(Tensors.floats("w0", new long[] {4, 3, 1, 1}, w0))
                .initializer(Tensors.floats("b0", new long[] {4}, new float[] {0, 0, 0, 1000}))
                .initializer(Tensors.floats("w1", new long[] {CLASSES, 4, 1, 1}, w1))
                .initializer(Tensors.floats("b1", new long[] {CLASSES}, new float[CLASSES]))
                .node("Conv", "conv0", List.of("image", "w0", "b0"), List.of("c0"), OnnxBuilder.attrInts("kernel_shape", 1, 1))
                .node("Relu", "relu0", List.of("c0"), List.of("r0"))
                .node("Conv", "conv1", List.of("r0", "w1", "b1"), List.of("c1"), OnnxBuilder.attrInts("kernel_shape", 1, 1))
                .node("GlobalAveragePool", "pool", List.of("c1"), List.of("p"))
                .node("Flatten", "flatten", List.of("p"), List.of("logits"), OnnxBuilder.attr("axis", 1L))
                .build().save(model);
        Path images = images(dir.resolve("images"), 40, 11);
        Path labels = new SyntheticSet(dir, CLASSES, 0).labelMap(dir.resolve("classes.txt"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        // Label every image by the float model's own prediction.
        Files.writeString(images.resolve("labels.csv"), "file,class_index\n" + lines(images, "0"));
        Path first = dir.resolve("first.json");
        CliRunner.Result e = cli.run("eval", "--model", model.toString(), "--data", images.toString(), "--labels",
                labels.toString(), "--mean", "127.5", "--scale", "1/127.5", "--out", first.toString(), "--quiet");
        assertEquals(ExitCodes.OK, e.exitCode(), e.err());
        StringBuilder gt = new StringBuilder("file,class_index\n");
        for (EvaluationResults.ImageResult r : ResultsFiles.read(first).images()) {
            gt.append(r.id()).append(',').append(r.top1()).append('\n');
        }
        Files.writeString(images.resolve("labels.csv"), gt);
        return new Fragile(model, images, labels, images(dir.resolve("calib"), 12, 5));
    }

    private record Fragile(Path model, Path images, Path labels, Path calib) {
    }

    @Test
    void maxDropFindsTheInt16NodeAndWritesANodeInfoThatMergesIntoTheConfig() throws Exception {
        Fragile f = fragile();
        Path config = Files.writeString(dir.resolve("fragile.yaml"), """
                model_parameters:
                  onnx_model: 'fragile.onnx'
                  march: "bayes-e"
                  output_model_file_prefix: 'fragile'
                input_parameters:
                  input_type_rt: 'nv12'
                  input_type_train: 'rgb'
                  input_layout_train: 'NCHW'
                  norm_type: 'data_mean_and_scale'
                  mean_value: 127.5
                  scale_value: 0.00784313725490196
                calibration_parameters:
                  cal_data_dir: './calib'
                  calibration_type: 'max'
                compiler_parameters:
                  optimize_level: 'O3'
                """);
        Path nodeInfo = dir.resolve("node_info.yaml");
        Path merged = dir.resolve("fragile-int16.yaml");
        Path report = dir.resolve("report.json");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("sim", "--model", f.model().toString(), "--config",
                config.toString(), "--data", f.images().toString(), "--labels", f.labels().toString(), "--max-drop", "5",
                "--node-info", nodeInfo.toString(), "--write-config", merged.toString(), "--report", report.toString(),
                "--out", dir.resolve("sim.json").toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err() + r.out());
        // int8 loses nearly every image; conv1 in int16 (its input, and its output into the pooling) all but one.
        assertTrue(r.out().matches("(?s).*int16 nodes\\s+Top-1 drop \\(points\\)\\n0\\s+[5-9]\\d\\.\\d\\d\\n1\\s+[0-4]\\.\\d\\d\\n.*"),
                r.out());
        assertTrue(r.out().contains("1 int16 node bring"), r.out());
        assertTrue(r.out().matches("(?s).*\\n1\\s+conv1\\s+Conv\\s+0\\.99\\d+\\s+\\+0\\.9\\d+\\n.*"),
                "the fragile layer ranks first: " + r.out());

        MapperConfig block = MapperConfigReader.read(nodeInfo);
        assertEquals(List.of("conv1"), List.copyOf(block.nodeInfo().keySet()));
        assertEquals(NodeSetting.int16OnBpu(), block.nodeInfo().get("conv1"));
        MapperConfig config2 = MapperConfigReader.read(merged);
        assertEquals(NodeSetting.int16OnBpu(), config2.nodeInfo().get("conv1"));
        assertEquals("max", config2.calibrationType(), "the rest of the config is kept");
        assertTrue(Files.readString(merged).contains("rdkzoo sim --max-drop 5.0"), Files.readString(merged));

        SimReport doc = SimReport.read(report);
        assertEquals(List.of("conv1"), doc.int16Search().nodes());
        assertEquals(List.of("conv1", "conv0", "pool"), doc.sensitivity().nodes());

        // The config with that node_info simulates within the budget.
        CliRunner.Result again = new CliRunner(dir.resolve("home")).run("sim", "--model", f.model().toString(),
                "--config", merged.toString(), "--data", f.images().toString(), "--labels", f.labels().toString(),
                "--out", dir.resolve("sim16.json").toString(), "--quiet");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        EvaluationResults int16 = ResultsFiles.read(dir.resolve("sim16.json"));
        assertTrue(int16.metrics().top1() >= int16.metrics().images() - 2, int16.metrics().toString());
        assertTrue(again.out().matches("(?s).*\\nconv1\\s+BPU\\s+--\\s+Conv\\s+0\\.99\\d{4}\\s+\\S+\\s+int16\\n.*"),
                again.out());
    }

    @Test
    void aNodeTheModelDoesNotHaveIsAUsageErrorThatSuggestsNames() throws Exception {
        Fragile f = fragile();
        CliRunner.Result r = new CliRunner(dir.resolve("home")).run("sim", "--model", f.model().toString(), "--calib",
                f.calib().toString(), "--data", f.images().toString(), "--labels", f.labels().toString(), "--mean",
                "127.5", "--scale", "1/127.5", "--int16", "conv", "--calibration", "max");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("no node named 'conv' (did you mean conv0, conv1"), r.err());
        CliRunner.Result w = new CliRunner(dir.resolve("home")).run("sim", "--model", f.model().toString(), "--calib",
                f.calib().toString(), "--data", f.images().toString(), "--max-drop", "1", "--write-config", "x.yaml");
        assertEquals(ExitCodes.USAGE, w.exitCode());
        assertTrue(w.err().contains("--write-config merges the int16 nodes into --config"), w.err());
    }

    @Test
    void experimentsDiffSetsASimulationBesideAMakertbinExperiment() throws Exception {
        Workbench w = Workbench.create(dir.resolve("wb"));
        CliRunner cli = new CliRunner(w.workspace());
        w.env().forEach(cli::env);
        CliRunner.Result build = cli.run("mapper", "build", w.config().toString(), "--toolchain", "local", "--name",
                "b2-default", "-q");
        assertEquals(ExitCodes.OK, build.exitCode(), build.err());

        Path images = images(dir.resolve("images"), 12, 2);
        Files.writeString(images.resolve("labels.csv"), "file,class_index\n" + lines(images, "3"));
        Path labels = new SyntheticSet(dir, CLASSES, 0).labelMap(dir.resolve("classes.txt"));
        Path[] reports = {dir.resolve("max.json"), dir.resolve("kl.json")};
        String[] methods = {"max", "kl"};
        for (int i = 0; i < 2; i++) {
            CliRunner.Result s = cli.run("sim", "--model", w.model().toString(), "--config", w.config().toString(),
                    "--calib", images(dir.resolve("calib" + i), 6, 7).toString(), "--calibration", methods[i],
                    "--data", images.toString(), "--labels", labels.toString(), "--report", reports[i].toString(),
                    "--out", dir.resolve("r" + i + ".json").toString(), "--quiet");
            assertEquals(ExitCodes.OK, s.exitCode(), s.err());
        }

        CliRunner.Result diff = cli.run("experiments", "diff", "b2-default", "--sim", reports[0].toString());
        assertEquals(ExitCodes.OK, diff.exitCode(), diff.err());
        assertTrue(diff.out().matches("(?s)\\S+ \\(succeeded\\)  ->  max\\.json \\(simulation\\)\\n.*"), diff.out());
        assertTrue(diff.out().matches("(?s).*calibration_parameters\\.calibration_type\\s+default\\s+max.*"), diff.out());
        assertFalse(diff.out().contains("input_parameters"), "only the settings a simulation has: " + diff.out());
        // The stand-in's EfficientNet node names (cut with '...' where long) match the generated graph's.
        assertTrue(diff.out().matches("(?s).*\\n1[0-9] layers compared.*"), diff.out());

        CliRunner.Result files = cli.run("experiments", "diff", reports[0].toString(), reports[1].toString(), "--format",
                "json");
        assertEquals(ExitCodes.OK, files.exitCode(), files.err());
        JsonNode d = Json.mapper().readTree(files.out()).get("diff");
        assertEquals("max", d.get("settings").get(0).get("before").asText());
        assertTrue(d.get("layers").size() > 50, "every quantized node of both simulations");

        CliRunner.Result neither = cli.run("experiments", "diff", "b2-default");
        assertEquals(ExitCodes.USAGE, neither.exitCode());
        assertTrue(neither.err().contains("ID2, or --sim FILE"), neither.err());
    }

    /** {@code n} random PNG images of 40x36 pixels, smooth gradients of random colours. */
    private static Path images(Path folder, int n, long seed) throws Exception {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        for (int k = 0; k < n; k++) {
            BufferedImage image = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
            int[] a = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            int[] b = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 40; x++) {
                    int rgb = 0;
                    for (int c = 0; c < 3; c++) {
                        rgb = rgb << 8 | (a[c] * (40 - x) + b[c] * x) / 40;
                    }
                    image.setRGB(x, y, rgb);
                }
            }
            ImageIO.write(image, "png", folder.resolve(String.format("img%03d.png", k)).toFile());
        }
        return folder;
    }

    /** {@code name,label} lines for every PNG of a folder. */
    private static String lines(Path folder, String label) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                    .forEach(n -> lines.add(n + "," + label));
        }
        return String.join("\n", lines) + "\n";
    }
}
