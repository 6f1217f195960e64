package org.rdkzoo.mapperconfigs.calib;

import java.io.IOException;

/**
 * The request cannot be met with the input given: too few images, an output folder that is not ours,
 * two sources that would write the same file. The command line reports these as bad input (exit 2).
 */
public final class CalibrationInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public CalibrationInputException(String message) {
        super(message);
    }

    public CalibrationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
