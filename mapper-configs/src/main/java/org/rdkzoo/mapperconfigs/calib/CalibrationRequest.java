package org.rdkzoo.mapperconfigs.calib;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.rdkzoo.evaluator.image.PreprocessSpec;

/**
 * What {@code rdkzoo mapper calib} is asked to do.
 *
 * @param images    the folder of source images (not searched recursively, as the OE script reads it)
 * @param out       the folder the calibration files and {@code manifest.json} go to
 * @param count     how many calibration files to write
 * @param seed      the seed of the shuffle that picks them
 * @param size      the square crop (224)
 * @param shortSide the short side before the crop (256)
 * @param type      {@code FLOAT32} (0..255 values, as the OE's {@code --saved_data_type float32}) or {@code UINT8}
 * @param jobs      images decoded and preprocessed in parallel
 */
public record CalibrationRequest(Path images, Path out, int count, long seed, int size, int shortSide,
        PreprocessSpec.DType type, int jobs) {

    public static final int DEFAULT_COUNT = 100;
    public static final long DEFAULT_SEED = 0;

    public CalibrationRequest {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(type, "type");
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        if (size < 1) {
            throw new IllegalArgumentException("--size must be at least 1, was " + size);
        }
        if (shortSide < size) {
            throw new IllegalArgumentException("--short-side " + shortSide + " is smaller than --size " + size
                    + ": the centre crop would not fit");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
        }
    }

    /** The OE calibration preprocessing: short side, centre crop, RGB, NCHW, no mean or scale. */
    public PreprocessSpec spec() {
        return PreprocessSpec.oe().withNormalisation(List.of(), List.of()).withSize(size, size)
                .withShortSide(shortSide).withDType(type);
    }

    /** The {@code cal_data_type} of the files: {@code float32} or {@code uint8}. */
    public String dataType() {
        return type == PreprocessSpec.DType.FLOAT32 ? "float32" : "uint8";
    }

    /** Bytes of each calibration file: 3 x size x size elements. */
    public long bytesPerFile() {
        return 3L * size * size * (type == PreprocessSpec.DType.FLOAT32 ? 4 : 1);
    }
}
