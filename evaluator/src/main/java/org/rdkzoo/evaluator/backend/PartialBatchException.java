package org.rdkzoo.evaluator.backend;

import java.util.Map;

/**
 * Some images of a batch failed in the runtime while the others ran: the pipeline records each failure for its
 * image and keeps the other rows. A backend throws it only for failures of one image (a libdnn error or timeout on
 * that inference), never for a model or runtime that cannot work at all.
 */
public final class PartialBatchException extends BackendException {
    private static final long serialVersionUID = 1L;

    private final transient float[][] rows;
    private final Map<Integer, String> failures;

    /**
     * @param message  what failed, for a caller that does not handle it per image
     * @param rows     one row per image of the batch, {@code null} where that image failed
     * @param failures why, by position in the batch
     */
    public PartialBatchException(String message, float[][] rows, Map<Integer, String> failures) {
        super(message);
        this.rows = rows.clone();
        this.failures = Map.copyOf(failures);
        for (int i : this.failures.keySet()) {
            if (i < 0 || i >= rows.length || rows[i] != null) {
                throw new IllegalArgumentException("failure at " + i + " of a batch of " + rows.length
                        + " must have no row");
            }
        }
    }

    /** The rows of the batch, {@code null} for the failed images. */
    public float[][] rows() {
        return rows.clone();
    }

    /** Why each failed image failed, by its position in the batch. */
    public Map<Integer, String> failures() {
        return failures;
    }
}
