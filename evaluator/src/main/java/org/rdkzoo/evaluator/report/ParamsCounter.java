package org.rdkzoo.evaluator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Counts the parameters of an ONNX model (the elements of its initializers). The report takes it as a
 * function so that {@code cli} can plug in the ONNX graph reader; {@link #UNKNOWN} leaves the column empty.
 */
@FunctionalInterface
public interface ParamsCounter {
    /** Knows no model: the report's params column stays empty (the zoo's published figure still shows). */
    ParamsCounter UNKNOWN = model -> OptionalLong.empty();

    /** The parameter count of {@code onnxModel}, empty when this counter cannot tell. */
    OptionalLong count(Path onnxModel) throws IOException;
}
