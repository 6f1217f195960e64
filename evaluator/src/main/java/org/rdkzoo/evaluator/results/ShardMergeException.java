package org.rdkzoo.evaluator.results;

/** Shards that cannot be merged: overlapping, missing, or from different runs. The message says which and why. */
public final class ShardMergeException extends Exception {
    public ShardMergeException(String message) {
        super(message);
    }
}
