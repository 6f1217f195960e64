package org.rdkzoo.evaluator.testing;

import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.eval.Evaluator;
import org.rdkzoo.evaluator.results.EvaluationResults;

/**
 * A backend that cancels its evaluator once it has run a given number of batches: Ctrl-C at a known point of a
 * run, for resume tests. Set {@link #evaluator} after {@code Evaluator.prepare}.
 */
public final class CancellingBackend implements InferenceBackend {
    private final InferenceBackend delegate;
    private final int afterBatches;
    private int batches;
    /** The evaluator to cancel. */
    public Evaluator evaluator;

    public CancellingBackend(InferenceBackend delegate, int afterBatches) {
        this.delegate = delegate;
        this.afterBatches = afterBatches;
    }

    @Override
    public ModelDescription describe() {
        return delegate.describe();
    }

    @Override
    public float[][] infer(Batch batch) throws BackendException {
        float[][] scores = delegate.infer(batch);
        if (++batches == afterBatches) {
            evaluator.cancel();
        }
        return scores;
    }

    @Override
    public EvaluationResults.Backend record() {
        return delegate.record();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
