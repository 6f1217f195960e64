package org.rdkzoo.evaluator.eval;

/** Progress of an evaluation, reported from the thread that runs the model, after each batch. */
public interface EvaluationListener {
    EvaluationListener NONE = new EvaluationListener() {
    };

    /**
     * @param total       images in this evaluation
     * @param alreadyDone of which a resumed checkpoint already holds this many
     */
    default void started(int total, int alreadyDone) {
    }

    /**
     * @param done      images finished (evaluated or failed), the resumed ones included
     * @param evaluated of which evaluated
     * @param top1      of which right at Top-1
     * @param failures  images that could not be evaluated
     */
    default void progress(int done, int evaluated, int top1, int failures) {
    }
}
