package org.rdkzoo.mapperconfigs.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;
import org.rdkzoo.evaluator.json.Json;

class CalibrationWriterTest {
    @TempDir
    Path tmp;

    private Path images;
    private Path out;

    private final CalibrationWriter writer = new CalibrationWriter(Clock.systemUTC());

    private void setUp(int goodImages, String... corrupt) throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        out = tmp.resolve("out");
        for (int i = 0; i < goodImages; i++) {
            image(images.resolve(String.format("img_%02d.%s", i, i % 3 == 0 ? "png" : "jpg")), 30 + 7 * i, 40 - i, i);
        }
        for (String name : corrupt) {
            Files.write(images.resolve(name), "not an image".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A small colourful image written with ImageIO. */
    private static void image(Path file, int w, int h, int seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | r.nextInt(256));
            }
        }
        String name = file.getFileName().toString();
        ImageIO.write(img, name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg"), file.toFile());
    }

    private CalibrationRequest request(int count, long seed, int jobs) {
        return new CalibrationRequest(images, out, count, seed, 32, 36, PreprocessSpec.DType.FLOAT32, jobs);
    }

    private CalibrationWriter.Result run(CalibrationRequest request) throws Exception {
        return writer.write(request, List.of("mapper", "calib"), new CalibrationWriter.Listener() {
        });
    }

    private List<String> rgbFiles() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rgb")).sorted().toList();
        }
    }

    @Test
    void writesTheOeTensorOfEachImageAsRawLittleEndianFloat32NamedAfterIt() throws Exception {
        setUp(6);
        CalibrationWriter.Result r = run(request(4, 0, 2));
        assertEquals(4, r.manifest().files().size());
        assertEquals(4, r.written());
        Preprocessor oe = new Preprocessor(PreprocessSpec.oe().withNormalisation(List.of(), List.of())
                .withSize(32, 32).withShortSide(36));
        for (CalibrationManifest.Entry e : r.manifest().files()) {
            assertEquals(CalibrationSelection.outputName(e.source()), e.output());
            byte[] file = Files.readAllBytes(out.resolve(e.output()));
            assertEquals(3 * 32 * 32 * 4, file.length);
            float[] expected = oe.toFloat(ImageDecoder.read(images.resolve(e.source())));
            float[] actual = new float[expected.length];
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(actual);
            assertArrayEquals(expected, actual, e.source());
            assertEquals(CalibrationFolder.sha256(file), e.outputSha256());
            assertEquals(CalibrationFolder.sha256(Files.readAllBytes(images.resolve(e.source()))), e.sourceSha256());
        }
        assertEquals(List.of(1L, 3L, 32L, 32L), r.manifest().shape());
        assertEquals("float32", r.manifest().dataType());
        assertTrue(r.manifest().complete());
        assertEquals(r.manifest(), Json.read(r.manifestFile(), CalibrationManifest.class), "manifest round-trips");
    }

    @Test
    void theFolderHoldsOnlyTensorsAndTheManifestLivesBesideIt() throws Exception {
        setUp(5);
        CalibrationWriter.Result r = run(request(3, 0, 1));
        // hb_mapper reshapes every file of cal_data_dir: anything else in there would break makertbin.
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(rgbFiles(), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(tmp.resolve("out.manifest.json").toAbsolutePath(), r.manifestFile());
        assertTrue(Files.isRegularFile(r.manifestFile()));
    }

    @Test
    void selectsTheFirstCountOfTheSortedNamesShuffledWithTheSeed() throws Exception {
        setUp(12);
        CalibrationWriter.Result r = run(request(5, 42, 3));
        List<String> sorted = new ArrayList<>();
        try (Stream<Path> s = Files.list(images)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(sorted::add);
        }
        Collections.shuffle(sorted, new Random(42));
        assertEquals(sorted.subList(0, 5), r.manifest().files().stream().map(CalibrationManifest.Entry::source).toList());

        Path other = tmp.resolve("other");
        CalibrationWriter.Result again = writer.write(new CalibrationRequest(images, other, 5, 42, 32, 36,
                PreprocessSpec.DType.FLOAT32, 1), List.of(), new CalibrationWriter.Listener() {
                });
        assertEquals(r.manifest().files(), again.manifest().files(), "same seed, same files, whatever --jobs");
        CalibrationWriter.Result seed7 = writer.write(new CalibrationRequest(images, tmp.resolve("seed7"), 5, 7, 32,
                36, PreprocessSpec.DType.FLOAT32, 2), List.of(), new CalibrationWriter.Listener() {
                });
        assertNotEquals(r.manifest().files(), seed7.manifest().files());
    }

    @Test
    void countLargerThanTheFolderIsAnInputErrorSayingHowManyWereFound() throws Exception {
        setUp(3);
        Files.writeString(images.resolve("README.txt"), "labels elsewhere");
        CalibrationInputException e = assertThrows(CalibrationInputException.class, () -> run(request(10, 0, 1)));
        assertTrue(e.getMessage().contains("--count 10 is more than the 3 image files"), e.getMessage());
        assertTrue(e.getMessage().contains("1 other entries ignored"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void unreadableImagesAreReportedAndReplacedByTheNextInTheShuffledOrder() throws Exception {
        setUp(8, "broken_a.jpg", "broken_b.JPEG");
        long seed = 0;
        List<String> order;
        do {
            order = CalibrationSelection.order(CalibrationSelection.list(images).images(), ++seed).stream()
                    .map(p -> p.getFileName().toString()).toList();
        } while (order.subList(0, 5).stream().noneMatch(n -> n.startsWith("broken")));
        List<String> readable = order.stream().filter(n -> !n.startsWith("broken")).toList();
        List<String> vacated = order.subList(0, 5).stream().filter(n -> n.startsWith("broken")).toList();
        List<String> warned = Collections.synchronizedList(new ArrayList<>());
        CalibrationWriter.Result r = writer.write(request(5, seed, 2), List.of(), new CalibrationWriter.Listener() {
            @Override
            public void unreadable(String source, String reason) {
                warned.add(source);
            }
        });
        assertEquals(readable.subList(0, 5), r.manifest().files().stream().map(CalibrationManifest.Entry::source)
                .toList(), "the first five readable images in the shuffled order");
        assertEquals(5, rgbFiles().size());
        List<String> unreadable = r.manifest().unreadable().stream().map(CalibrationManifest.Unreadable::source)
                .toList();
        assertTrue(unreadable.containsAll(vacated), unreadable.toString());
        assertTrue(r.manifest().unreadable().get(0).reason().startsWith("not a JPEG, PNG or BMP image"),
                r.manifest().unreadable().get(0).reason());
        assertEquals(vacated, r.manifest().replacements().stream().map(CalibrationManifest.Replacement::unreadable)
                .toList());
        assertEquals(readable.subList(5 - vacated.size(), 5), r.manifest().replacements().stream()
                .map(CalibrationManifest.Replacement::replacement).toList());
        assertTrue(warned.containsAll(vacated));
    }

    @Test
    void tooFewReadableImagesIsAnInputErrorNamingTheUnreadable() throws Exception {
        setUp(3, "broken.jpg", "empty.png");
        Files.write(images.resolve("empty.png"), new byte[0]);
        CalibrationInputException e = assertThrows(CalibrationInputException.class, () -> run(request(4, 0, 2)));
        assertTrue(e.getMessage().startsWith("only 3 of the 5 image files"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.jpg (not a JPEG"), e.getMessage());
        assertTrue(e.getMessage().contains("empty.png (empty file (0 bytes))"), e.getMessage());
        CalibrationManifest partial = Json.read(CalibrationManifest.locationFor(out), CalibrationManifest.class);
        assertFalse(partial.complete());
        assertEquals(3, partial.files().size());
    }

    @Test
    void rerunReusesVerifiedFilesAndRewritesChangedOrMissingOnes() throws Exception {
        setUp(8);
        CalibrationWriter.Result first = run(request(6, 1, 2));
        List<CalibrationManifest.Entry> files = first.manifest().files();
        Map<String, byte[]> original = new HashMap<>();
        for (CalibrationManifest.Entry e : files) {
            original.put(e.output(), Files.readAllBytes(out.resolve(e.output())));
        }
        byte[] tampered = original.get(files.get(0).output()).clone();
        tampered[100] ^= 1;
        Files.write(out.resolve(files.get(0).output()), tampered);
        Files.delete(out.resolve(files.get(1).output()));

        CalibrationWriter.Result second = run(request(6, 1, 2));
        assertEquals(2, second.written());
        assertEquals(4, second.reused());
        assertEquals(files, second.manifest().files());
        for (CalibrationManifest.Entry e : files) {
            assertArrayEquals(original.get(e.output()), Files.readAllBytes(out.resolve(e.output())), e.output());
        }
    }

    @Test
    void interruptedRunKeepsWholeFilesAndItsCheckpointAndTheRerunFinishes() throws Exception {
        setUp(8);
        Files.createDirectories(out);
        Files.write(out.resolve(".img_00.rgb.123456.tmp"), new byte[10]); // a half file of a killed run
        Files.writeString(CalibrationManifest.locationFor(out), Json.write(new CalibrationManifest(CalibrationManifest.FORMAT,
                images.toString(), 6, 1, "", null, "float32", List.of(), 0, false, List.of(), List.of(), List.of(),
                null)));
        int[] seen = {0};
        RuntimeException stop = new RuntimeException("Ctrl-C");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> writer.write(request(6, 1, 1), List.of(),
                new CalibrationWriter.Listener() {
                    @Override
                    public void imageDone(String source, boolean reused) {
                        if (++seen[0] == 3) {
                            throw stop;
                        }
                    }
                }));
        assertEquals(stop, thrown);
        CalibrationManifest checkpoint = Json.read(CalibrationManifest.locationFor(out), CalibrationManifest.class);
        assertFalse(checkpoint.complete());
        assertEquals(2, checkpoint.files().size(), "the two images finished before the stop");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }

        CalibrationWriter.Result rerun = run(request(6, 1, 2));
        assertEquals(2, rerun.reused());
        assertEquals(4, rerun.written());
        assertEquals(6, rgbFiles().size());
        assertTrue(rerun.manifest().complete());
    }

    @Test
    void smallerCountKeepsThePrefixAndRemovesTheOtherFiles() throws Exception {
        setUp(8);
        CalibrationWriter.Result five = run(request(5, 9, 2));
        CalibrationWriter.Result three = run(request(3, 9, 2));
        assertEquals(five.manifest().files().subList(0, 3), three.manifest().files());
        assertEquals(3, three.reused());
        assertEquals(2, three.removed().size());
        assertEquals(three.manifest().files().stream().map(CalibrationManifest.Entry::output).sorted().toList(),
                rgbFiles());
    }

    @Test
    void refusesAFolderThatHoldsOtherFilesAndNoManifest() throws Exception {
        setUp(4);
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CalibrationInputException e = assertThrows(CalibrationInputException.class, () -> run(request(2, 0, 1)));
        assertTrue(e.getMessage().contains("is not empty and was not made by mapper calib (no out.manifest.json beside it; it holds notes.txt)"),
                e.getMessage());
    }

    @Test
    void sourcesThatWouldWriteTheSameFileAreRefused() throws Exception {
        setUp(2);
        image(images.resolve("cat.jpg"), 20, 20, 1);
        image(images.resolve("cat.png"), 20, 20, 2);
        CalibrationInputException e = assertThrows(CalibrationInputException.class, () -> run(request(2, 0, 1)));
        assertTrue(e.getMessage().contains("cat.jpg and cat.png would both be written as cat.rgb"), e.getMessage());
    }

    @Test
    void uint8FilesHoldThePixelsAndNamesKeepQuotesAndSpaces() throws Exception {
        setUp(0);
        image(images.resolve("it's a \"quoted\" name.png"), 50, 40, 5);
        CalibrationWriter.Result r = writer.write(new CalibrationRequest(images, out, 1, 0, 32, 36,
                PreprocessSpec.DType.UINT8, 1), List.of(), new CalibrationWriter.Listener() {
                });
        assertEquals("it's a \"quoted\" name.rgb", r.manifest().files().get(0).output());
        byte[] expected = new Preprocessor(new CalibrationRequest(images, out, 1, 0, 32, 36, PreprocessSpec.DType.UINT8,
                1).spec()).toUint8(ImageDecoder.read(images.resolve("it's a \"quoted\" name.png")));
        assertArrayEquals(expected, Files.readAllBytes(out.resolve("it's a \"quoted\" name.rgb")));
        assertEquals("uint8", r.manifest().dataType());
    }

    /** End to end on real ImageNet JPEGs: the calibration files equal the OpenCV pipeline's bytes. */
    @Test
    void calibrationFilesOfRealImagesEqualOpenCvOutput() throws Exception {
        Path assets = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"));
        Path sample = assets.resolve("images/imagenet-sample-images");
        Assumptions.assumeTrue(Files.isDirectory(sample), sample + " not found: skipping the calibration check"
                + " against OpenCV on the shared ImageNet images");
        Map<String, String> opencv = new HashMap<>();
        try (InputStream in = ImageDecoder.class.getResourceAsStream("golden/assets.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f[0].startsWith("images/imagenet-sample-images/")) {
                    opencv.put(f[0].substring(f[0].lastIndexOf('/') + 1), f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CalibrationWriter.Result r = writer.write(new CalibrationRequest(sample, out = tmp.resolve("cal"), 40, 0, 224,
                256, PreprocessSpec.DType.UINT8, 2), List.of(), new CalibrationWriter.Listener() {
                });
        for (CalibrationManifest.Entry e : r.manifest().files()) {
            assertEquals(opencv.get(e.source()), e.outputSha256(), e.source());
        }
    }
}
