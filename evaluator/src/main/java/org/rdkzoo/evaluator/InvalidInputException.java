package org.rdkzoo.evaluator;

import java.io.IOException;

/**
 * Input the user gave cannot be used as it is: a malformed label file, a dataset whose labels cannot be
 * resolved, a model that does not fit its labels, a checkpoint of another run. The message names the
 * file or option, what was expected and what was found; the command line turns it into a usage error.
 */
public class InvalidInputException extends IOException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
