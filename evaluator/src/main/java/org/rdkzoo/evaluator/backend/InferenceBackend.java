package org.rdkzoo.evaluator.backend;

import org.rdkzoo.evaluator.results.EvaluationResults;

/**
 * Runs a classifier on prepared inputs: ONNX Runtime on the PC ({@link OrtBackend}), libdnn on the board,
 * the int8 simulation. A backend only runs the model: decoding, preprocessing (into the {@link InputForm}
 * it declares) and turning scores into rankings happen outside it, the same for every backend, so that two
 * backends differ only where their arithmetic does.
 *
 * <pre>{@code
 * try (InferenceBackend backend = OrtBackend.open(model, OrtBackend.Options.defaults())) {
 *     ModelDescription d = backend.describe();         // input form, shape, batch, classes
 *     float[][] scores = backend.infer(new Batch(inputs)); // [inputs.size()][d.classes()]
 * }
 * }</pre>
 *
 * <p>A backend is used from one thread at a time. {@link #close()} is idempotent; other methods throw
 * {@link IllegalStateException} after it.
 */
public interface InferenceBackend extends AutoCloseable {
    /** The model's input and output, read when the backend opened it. */
    ModelDescription describe();

    /**
     * Runs one batch ({@link Batch#size()} at most the model's fixed batch size, any size when it is dynamic).
     * The inputs' arrays belong to the caller again when this returns (the pipeline recycles them): a backend
     * copies what it needs and keeps no reference.
     *
     * @return one row per input, in order: the model's scores as floats (raw uint8 values, converted, when
     *         {@link ModelDescription#quantizedOutput()})
     * @throws BackendException naming the model and the images when the runtime fails
     */
    float[][] infer(Batch batch) throws BackendException;

    /** What ran, for the results file: kind ({@code onnxruntime}, {@code bpu}, {@code sim}), versions, settings. */
    EvaluationResults.Backend record();

    /**
     * The backend as a checkpoint must match to be resumed by it: its kind, plus whatever else changes the
     * results of the same model file (the simulation's quantization settings). Threads and batch size do not.
     */
    default String identity() {
        return record().kind();
    }

    @Override
    void close();
}
