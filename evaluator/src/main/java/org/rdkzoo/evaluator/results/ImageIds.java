package org.rdkzoo.evaluator.results;

import java.util.Collection;
import java.util.TreeSet;

import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * The convention behind {@link EvaluationResults.Dataset#imageIdsSha256()}: the SHA-256 of the ids of
 * every image the run covered (evaluated or failed), sorted by {@link String#compareTo}, each followed by
 * a line feed, in UTF-8. Two results with the same hash ran on the same images. The same as the
 * evaluation's {@code Manifest.idsSha256}.
 */
public final class ImageIds {
    private ImageIds() {
    }

    public static String sha256(Collection<String> ids) {
        StringBuilder text = new StringBuilder();
        for (String id : new TreeSet<>(ids)) {
            text.append(id).append('\n');
        }
        return Sha256.of(text.toString());
    }
}
