package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.image.BgrImage;
import org.rdkzoo.evaluator.image.ImageDecoder;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.Preprocessor;

/**
 * A calibration folder on disk, in either of two forms:
 * <ul>
 * <li><b>raw tensors</b>, as {@code rdkzoo mapper calib} (or the OE's calibration script) writes them for
 * hb_mapper's {@code cal_data_dir}: one file per sample, RGB, CHW, float32 (0..255 values, little-endian) or
 * uint8, told apart by size. Each is normalised as hb_mapper's HzPreprocess does, {@code (x - mean) * scale}
 * per channel with the preprocessing's mean and scale, then put in the model's colour order and layout;</li>
 * <li><b>images</b> (JPEG, PNG, BMP), decoded and preprocessed with the evaluation's preprocessing (without
 * the NV12 round trip: hb_mapper calibrates on RGB data).</li>
 * </ul>
 * Every visible file counts, as hb_mapper reads every file of {@code cal_data_dir}; {@code manifest.json}
 * (rdkzoo's record of the folder) is skipped.
 */
public final class CalibrationFiles implements CalibrationSet {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");
    private static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final List<Path> files;
    private final PreprocessSpec spec;
    private final boolean images;
    private final Preprocessor preprocessor;
    private final double[][] table = new double[3][];

    private CalibrationFiles(Path dir, List<Path> files, PreprocessSpec spec, boolean images) {
        this.dir = dir;
        this.files = files;
        this.spec = spec;
        this.images = images;
        this.preprocessor = images ? new Preprocessor(spec.withNv12(false)) : null;
        for (int c = 0; c < 3; c++) {
            double mean = channel(spec.mean(), c, 0);
            double scale = channel(spec.scale(), c, 1);
            table[c] = new double[] {mean, scale};
        }
    }

    /**
     * Opens a folder for a model whose float input the preprocessing describes.
     *
     * @throws InvalidInputException when the folder is missing or empty, mixes images and other files, or holds
     *         a file whose size fits neither a float32 nor a uint8 tensor of the model's input size
     */
    public static CalibrationFiles open(Path dir, PreprocessSpec spec) throws IOException {
        if (spec.dtype() != PreprocessSpec.DType.FLOAT32) {
            throw new InvalidInputException("the simulation takes a float model; its input is " + spec.dtype());
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("--calib " + dir + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("--calib " + dir + " holds no calibration files (write some with "
                    + "'rdkzoo mapper calib', or point it at a folder of images)");
        }
        long imageCount = files.stream().filter(CalibrationFiles::isImage).count();
        if (imageCount > 0 && imageCount < files.size()) {
            Path other = files.stream().filter(p -> !isImage(p)).findFirst().orElseThrow();
            throw new InvalidInputException("--calib " + dir + " mixes images with other files (such as "
                    + other.getFileName() + "): use a folder of images or one of raw calibration tensors");
        }
        boolean images = imageCount > 0;
        if (!images) {
            long elements = 3L * spec.width() * spec.height();
            for (Path p : files) {
                long size = Files.size(p);
                if (size != elements * 4 && size != elements) {
                    throw new InvalidInputException("--calib " + p + " has " + size + " bytes; a calibration tensor "
                            + "for the model's " + spec.width() + "x" + spec.height() + " input has " + elements * 4
                            + " (float32) or " + elements + " (uint8)");
                }
            }
        }
        return new CalibrationFiles(dir, files, spec, images);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static double channel(List<Double> values, int c, double none) {
        return values.isEmpty() ? none : values.size() == 1 ? values.get(0) : values.get(c);
    }

    /** Whether the folder holds images (else raw tensors). */
    public boolean images() {
        return images;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String name(int index) {
        return files.get(index).getFileName().toString();
    }

    @Override
    public long[] shape() {
        return spec.shape();
    }

    @Override
    public String source() {
        return dir.toString();
    }

    @Override
    public float[] load(int index) throws IOException {
        Path file = files.get(index);
        float[] out = new float[3 * spec.width() * spec.height()];
        if (images) {
            BgrImage decoded = ImageDecoder.read(file);
            preprocessor.toFloat(decoded, out);
            return out;
        }
        byte[] bytes = Files.readAllBytes(file);
        int plane = spec.width() * spec.height();
        boolean float32 = bytes.length == 12 * plane;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean nchw = spec.layout() == PreprocessSpec.Layout.NCHW;
        for (int c = 0; c < 3; c++) {
            // The file is RGB; tensor channel c takes file channel c, or 2 - c for a BGR model.
            int source = spec.color() == PreprocessSpec.ColorOrder.RGB ? c : 2 - c;
            double mean = table[c][0];
            double scale = table[c][1];
            for (int p = 0; p < plane; p++) {
                int at = source * plane + p;
                float x = float32 ? b.getFloat(4 * at) : bytes[at] & 0xff;
                out[nchw ? c * plane + p : 3 * p + c] = (float) ((x - mean) * scale);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "CalibrationFiles[" + dir + ", " + files.size() + (images ? " images" : " tensors") + "]";
    }
}
