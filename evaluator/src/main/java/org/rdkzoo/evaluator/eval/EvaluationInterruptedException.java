package org.rdkzoo.evaluator.eval;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/** The evaluation was cancelled (Ctrl-C); the finished images are in the checkpoint, and running again resumes. */
public final class EvaluationInterruptedException extends CancellationException {
    private final int done;
    private final int total;
    private final Path checkpoint;

    public EvaluationInterruptedException(int done, int total, Path checkpoint) {
        super("interrupted after " + done + " of " + total + " images; " + checkpoint
                + " keeps them: run the same command again to resume");
        this.done = done;
        this.total = total;
        this.checkpoint = checkpoint;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public Path checkpoint() {
        return checkpoint;
    }
}
