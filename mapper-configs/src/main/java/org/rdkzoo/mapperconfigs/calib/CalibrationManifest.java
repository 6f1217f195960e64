package org.rdkzoo.mapperconfigs.calib;

import java.nio.file.Path;
import java.util.List;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * {@code manifest.json} of a calibration folder: how the files were chosen and made, and each file
 * with its source, so that a rerun can trust what is already there and anyone can check it later.
 *
 * @param format        {@link #FORMAT}
 * @param images        the source folder (absolute)
 * @param count         files asked for
 * @param seed          the shuffle's seed
 * @param selection     the selection algorithm, in words
 * @param preprocessing every preprocessing parameter
 * @param dataType      {@code float32} or {@code uint8}: the {@code cal_data_type} to put in the YAML
 * @param shape         the shape of each file's tensor, [1, 3, H, W]
 * @param bytesPerFile  the size every file has
 * @param complete      false while a run is in progress or when it stopped early
 * @param files         the calibration files, in selection order
 * @param unreadable    images that could not be read, and why
 * @param replacements  which unreadable image of the first {@code count} was replaced by which image
 * @param provenance    rdkzoo version, host, times, command line
 */
public record CalibrationManifest(
        String format,
        String images,
        int count,
        long seed,
        String selection,
        PreprocessSpec preprocessing,
        String dataType,
        List<Long> shape,
        long bytesPerFile,
        boolean complete,
        List<Entry> files,
        List<Unreadable> unreadable,
        List<Replacement> replacements,
        Provenance provenance) {

    public static final String FORMAT = "rdkzoo.calibration/1";
    /** Appended to the folder's name: the manifest of {@code calib_f32/} is {@code calib_f32.manifest.json}. */
    public static final String SUFFIX = ".manifest.json";

    /**
     * Where the manifest of a calibration folder lives: beside the folder, not in it, because hb_mapper
     * reads every file of {@code cal_data_dir} as a calibration tensor.
     */
    public static Path locationFor(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    public CalibrationManifest {
        shape = shape == null ? List.of() : List.copyOf(shape);
        files = files == null ? List.of() : List.copyOf(files);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
    }

    /**
     * @param source       the image's file name in the source folder
     * @param sourceBytes  its size
     * @param sourceSha256 its SHA-256
     * @param output       the calibration file's name in the output folder
     * @param outputBytes  its size
     * @param outputSha256 its SHA-256
     */
    public record Entry(String source, long sourceBytes, String sourceSha256, String output, long outputBytes,
            String outputSha256) {
    }

    public record Unreadable(String source, String reason) {
    }

    public record Replacement(String unreadable, String replacement) {
    }
}
