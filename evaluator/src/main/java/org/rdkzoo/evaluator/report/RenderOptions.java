package org.rdkzoo.evaluator.report;

/**
 * How much a comparison report shows.
 *
 * @param top        rows of the class and flip lists in text, Markdown and HTML tables (0 = all); JSON and
 *                   CSV always hold everything
 * @param gallery    flipped images shown as thumbnails in HTML, per direction (0 = none)
 * @param thumbnails where HTML thumbnails come from
 */
public record RenderOptions(int top, int gallery, Thumbnails thumbnails) {
    public RenderOptions {
        if (top < 0 || gallery < 0) {
            throw new IllegalArgumentException("row limits must be >= 0, were " + top + " and " + gallery);
        }
        thumbnails = thumbnails == null ? Thumbnails.NONE : thumbnails;
    }

    public static RenderOptions defaults() {
        return new RenderOptions(10, 200, Thumbnails.NONE);
    }

    int limit(int size) {
        return top == 0 ? size : Math.min(top, size);
    }
}
