package org.rdkzoo.cli.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.results.EvaluationResults;
import org.rdkzoo.evaluator.results.ResultsFiles;
import org.rdkzoo.evaluator.testing.PngSet;
import org.rdkzoo.evaluator.testing.StandInScores;
import org.rdkzoo.evaluator.testing.TinyOnnx;
import org.rdkzoo.runtime.HbDnnStatus;
import org.rdkzoo.runtime.testing.LibdnnStandIn;
import org.rdkzoo.runtime.testing.StandInModel;

/** {@code rdkzoo eval --model M.bin} end to end on the libdnn stand-in: real images, the real pipeline. */
class BoardEvalCommandTest {
    static final int CLASSES = 7;
    static final int SIZE = 16;
    static final String STANDIN_VERSION = "rdkzoo-standin (libdnn 1.24.5 ABI)";

    @TempDir
    Path dir;

    private CliRunner cli;
    private PngSet set;
    private Path labels;
    private String libdnn;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("home"));
        set = PngSet.of(dir.resolve("data"), 10, CLASSES);
        labels = PngSet.labelMap(dir.resolve("labels.txt"), CLASSES);
        libdnn = LibdnnStandIn.library().toString();
    }

    private Path classifier(String file) {
        return StandInModel.classifier("EfficientNet_B2_224x224_nv12", SIZE, SIZE, CLASSES).writeTo(dir.resolve(file));
    }

    private CliRunner.Result eval(Path model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--model", model.toString(), "--data",
                set.root().toString(), "--labels", labels.toString(), "--libdnn", libdnn, "--out", out.toString(),
                "--quiet"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    /** What the stand-in ranks first for each image, from the NV12 the results' preprocessing makes of it. */
    private void assertTop1FromNv12(EvaluationResults r) throws Exception {
        Preprocessor preprocessor = new Preprocessor(r.preprocessing());
        for (EvaluationResults.ImageResult image : r.images()) {
            byte[] nv12 = preprocessor.toNv12(ImageDecoder.read(set.root().resolve(image.id())));
            assertEquals(StandInScores.top1(nv12, SIZE, SIZE, CLASSES), image.top1(), image.id());
        }
    }

    @Test
    void aBinOnTheStandInRanksEveryImageAsItsLetterboxedNv12PredictsAndRecordsTheBpu() throws Exception {
        Path bin = classifier("standin.bin");
        Path out = dir.resolve("board.json");
        CliRunner.Result r = eval(bin, out);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("is rdkzoo's libdnn stand-in (" + STANDIN_VERSION + "), not the BPU"), r.err());
        assertTrue(r.out().contains("images   10 evaluated"), r.out());
        EvaluationResults results = ResultsFiles.read(out);
        assertEquals(10, results.images().size());
        assertTop1FromNv12(results);
        assertEquals("bpu", results.backend().kind());
        assertEquals(STANDIN_VERSION, results.backend().versions().get("libdnn"));
        assertEquals(STANDIN_VERSION, results.provenance().versions().get("libdnn"));
        assertEquals("EfficientNet_B2_224x224_nv12", results.backend().settings().get("modelName"));
        assertTrue(results.backend().settings().containsKey("standIn"));
        assertEquals(Sha256.of(bin), results.model().sha256());
        assertEquals(List.of(1L, 3L, (long) SIZE, (long) SIZE), results.model().inputShape());
        PreprocessSpec spec = results.preprocessing();
        assertEquals("letterbox", spec.preset());
        assertEquals(PreprocessSpec.Resize.LETTERBOX, spec.resize());
        assertTrue(spec.nv12());
    }

    @Test
    void aBoardRunOfOePairsImageByImageWithAFloatRunOfOeNv12() throws Exception {
        Path onnx = TinyOnnx.write(dir.resolve("efficientnet_b2.onnx"), TinyOnnx.Spec.floatLogits(SIZE, CLASSES));
        Path floatOut = dir.resolve("float.json");
        Path boardOut = dir.resolve("board.json");
        CliRunner.Result f = cli.run("eval", "--model", onnx.toString(), "--data", set.root().toString(), "--labels",
                labels.toString(), "--preprocess", "oe", "--nv12", "--out", floatOut.toString(), "--quiet");
        assertEquals(ExitCodes.OK, f.exitCode(), f.err());
        CliRunner.Result b = eval(classifier("EfficientNet_B2_224x224_nv12.bin"), boardOut, "--preprocess", "oe");
        assertEquals(ExitCodes.OK, b.exitCode(), b.err());
        EvaluationResults fr = ResultsFiles.read(floatOut);
        EvaluationResults br = ResultsFiles.read(boardOut);
        assertTop1FromNv12(br);
        assertEquals(fr.dataset().id(), br.dataset().id());
        assertEquals(fr.dataset().manifestSha256(), br.dataset().manifestSha256());
        assertEquals(fr.dataset().imageIdsSha256(), br.dataset().imageIdsSha256());
        PreprocessSpec fs = fr.preprocessing();
        PreprocessSpec bs = br.preprocessing();
        assertEquals(List.of(fs.preset(), fs.resize(), fs.shortSide(), fs.width(), fs.height(), fs.nv12()),
                List.of(bs.preset(), bs.resize(), bs.shortSide(), bs.width(), bs.height(), bs.nv12()),
                "the same geometry and the same NV12 colour loss");

        CliRunner.Result c = cli.run("compare", floatOut.toString(), boardOut.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, c.exitCode(), c.err());
        JsonNode pairing = Json.mapper().readTree(c.out()).get("pairing");
        assertEquals(10, pairing.get("paired").asInt(), c.out());
        assertEquals(0, pairing.get("onlyInA").asInt());
        assertEquals(0, pairing.get("onlyInB").asInt());
        assertTrue(pairing.get("sameManifest").asBoolean());
    }

    @Test
    void quantizedOutputsOnSeveralThreadsRankAsTheFloatOutputOnOne() throws Exception {
        Path f32 = classifier("f32.bin");
        Path s8 = StandInModel.named("s8").input("data", "NV12", "NCHW", "1x3x16x16", "aligned=1x3x16x32")
                .output("scores", "S8", "NCHW", "1x7x1x1", "quant=SCALE", "axis=1", "scale=0.5,0.25,1,0.125,0.5,1,1",
                        "zero=3,-2,0,5,1,-1,0")
                .writeTo(dir.resolve("s8.bin"));
        Path s32 = StandInModel.named("s32").input("data", "NV12", "NCHW", "1x3x16x16")
                .output("scores", "S32", "NHWC", "1x1x1x7", "aligned=1x1x1x8", "quant=SCALE", "axis=3",
                        "scale=0.0009765625,0.001953125,0.00390625,0.00048828125,0.0625,0.25,0.5",
                        "zero=0,0,0,0,0,0,0")
                .writeTo(dir.resolve("s32.bin"));
        assertEquals(ExitCodes.OK, eval(f32, dir.resolve("f32.json"), "--bpu-threads", "1").exitCode());
        CliRunner.Result q8 = eval(s8, dir.resolve("s8.json"), "--bpu-threads", "3", "--batch", "4");
        assertEquals(ExitCodes.OK, q8.exitCode(), q8.err());
        CliRunner.Result q32 = eval(s32, dir.resolve("s32.json"), "--bpu-threads", "4");
        assertEquals(ExitCodes.OK, q32.exitCode(), q32.err());
        EvaluationResults reference = ResultsFiles.read(dir.resolve("f32.json"));
        assertTop1FromNv12(reference);
        for (String file : List.of("s8.json", "s32.json")) {
            EvaluationResults quantized = ResultsFiles.read(dir.resolve(file));
            assertEquals(reference.images(), quantized.images(), file + ": same top-5 and scores per image");
        }
        assertEquals(3, ResultsFiles.read(dir.resolve("s8.json")).backend().settings().get("threads"));
    }

    @Test
    void aLibdnnErrorMidRunFailsThatImageOrWithStrictStopsTheRunKeepingTheFinishedImages() throws Exception {
        int code = HbDnnStatus.HB_DNN_RUN_TASK_FAILED.code();
        Path bin = StandInModel.classifier("m", SIZE, SIZE, CLASSES).fail("hbDNNInfer", code, 4, 1)
                .writeTo(dir.resolve("m.bin"));
        Path out = dir.resolve("listed.json");
        CliRunner.Result listed = eval(bin, out, "--bpu-threads", "1", "--batch", "2");
        assertEquals(ExitCodes.OK, listed.exitCode(), listed.err());
        EvaluationResults r = ResultsFiles.read(out);
        assertEquals(9, r.images().size());
        assertEquals(1, r.failures().size());
        assertEquals("hbDNNInfer failed: HB_DNN_RUN_TASK_FAILED (" + code + "): stand-in: run task failed",
                r.failures().get(0).reason());
        assertTrue(listed.out().contains("images   9 evaluated, 1 "), listed.out());

        Path strictOut = dir.resolve("strict.json");
        CliRunner.Result strict = eval(bin, strictOut, "--bpu-threads", "1", "--batch", "2", "--strict");
        assertEquals(ExitCodes.FAILURE, strict.exitCode(), strict.err());
        assertTrue(strict.err().contains("the BPU failed on image " + r.failures().get(0).id() + ": hbDNNInfer failed"),
                strict.err());
        assertTrue(strict.err().contains("the finished images are in " + strictOut + ".partial; the same command "
                + "resumes"), strict.err());
        assertFalse(Files.exists(strictOut));
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("strict.json.partial")).size(),
                "the header and the two batches before the failure");
    }

    @Test
    void inferClassifiesImagesWithABinAsTheStandInRanksTheirNv12() throws Exception {
        Path image = set.files().get(3);
        CliRunner.Result r = cli.run("infer", "--model", classifier("m.bin").toString(), "--libdnn", libdnn,
                "--labels", labels.toString(), "--top", "2", image.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        PreprocessSpec letterbox = PreprocessSpec.letterbox().withSize(SIZE, SIZE);
        int top1 = StandInScores.top1(new Preprocessor(letterbox).toNv12(ImageDecoder.read(image)), SIZE, SIZE,
                CLASSES);
        List<String> lines = r.out().lines().toList();
        assertEquals(image.toString(), lines.get(0));
        assertTrue(lines.get(1).matches("  1\\. class" + top1 + " +[0-9.]+  \\(class " + top1 + "\\)"), r.out());
        assertEquals(3, lines.size(), r.out());
    }

    @Test
    void withoutLibdnnTheCommandSaysWhatItNeedsAndExits5() {
        Path out = dir.resolve("r.json");
        CliRunner.Result r = cli.run("eval", "--model", classifier("m.bin").toString(), "--data",
                set.root().toString(), "--labels", labels.toString(), "--libdnn", dir.resolve("libdnn.so").toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.err());
        assertEquals("rdkzoo: error: libdnn not found: this command runs models on the BPU and needs an RDK X5 board "
                + "(or its libdnn.so). Tried: --libdnn " + dir.resolve("libdnn.so") + " (no such file). Run it on the "
                + "board, or point at the library with --libdnn PATH or RDKZOO_LIBDNN=PATH.", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void theEnvironmentVariableFindsLibdnnWhenTheOptionIsAbsent() throws Exception {
        Path out = dir.resolve("r.json");
        CliRunner.Result r = new CliRunner(dir.resolve("home")).env("RDKZOO_LIBDNN", libdnn).run("eval", "--model",
                classifier("m.bin").toString(), "--data", set.root().toString(), "--labels", labels.toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("bpu", ResultsFiles.read(out).backend().kind());
    }

    @Test
    void anOnnxIsNotRunOnTheBpuAndAColourContradictingAnRgbInputIsRefused() throws Exception {
        Path onnx = TinyOnnx.write(dir.resolve("m.onnx"), TinyOnnx.Spec.floatLogits(SIZE, CLASSES));
        CliRunner.Result r = cli.run("eval", "--model", onnx.toString(), "--bpu", "--data", set.root().toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains(onnx + " is not a .bin: the BPU runs .bin models"), r.err());
        Path rgb = StandInModel.named("rgb").input("data", "RGB", "NCHW", "1x3x16x16")
                .output("o", "F32", "NCHW", "1x7x1x1").writeTo(dir.resolve("rgb.bin"));
        CliRunner.Result bgr = eval(rgb, dir.resolve("rgb.json"), "--color", "bgr");
        assertEquals(ExitCodes.USAGE, bgr.exitCode());
        assertTrue(bgr.err().contains("--color bgr contradicts the model, whose input data is HB_DNN_IMG_TYPE_RGB"),
                bgr.err());
        CliRunner.Result ok = eval(rgb, dir.resolve("rgb.json"));
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        EvaluationResults results = ResultsFiles.read(dir.resolve("rgb.json"));
        assertEquals(PreprocessSpec.ColorOrder.RGB, results.preprocessing().color());
        assertEquals(PreprocessSpec.DType.UINT8, results.preprocessing().dtype());
        assertNotEquals(0, results.images().size());
    }
}
