package org.rdkzoo.evaluator.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.results.EvaluationResults.Subset;

/**
 * What must not change between an interrupted run and its resumption: the same model, the same images
 * with the same labels, the same subset, the same preprocessing and label mapping, the same backend kind.
 * Threads and batch size may change: they do not change any image's result.
 */
public record CheckpointKey(String backend, String modelSha256, String manifestSha256, String imageIdsSha256,
        Subset subset, String labelMapSha256, int labelOffset, PreprocessSpec preprocessing) {

    /** The fields that differ from {@code other}, described for a message ({@code "model sha256 a… vs b…"}). */
    public List<String> differences(CheckpointKey other) {
        List<String> d = new ArrayList<>();
        diff(d, "backend", backend, other.backend);
        diff(d, "model (sha256)", modelSha256, other.modelSha256);
        diff(d, "dataset manifest (sha256)", manifestSha256, other.manifestSha256);
        diff(d, "subset", subset, other.subset);
        diff(d, "images (sha256 of ids)", imageIdsSha256, other.imageIdsSha256);
        diff(d, "label map (sha256)", labelMapSha256, other.labelMapSha256);
        diff(d, "label offset", labelOffset, other.labelOffset);
        diff(d, "preprocessing", preprocessing, other.preprocessing);
        return d;
    }

    private static void diff(List<String> d, String what, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            d.add(what + ": " + shorten(theirs) + " then, " + shorten(mine) + " now");
        }
    }

    private static String shorten(Object o) {
        String s = String.valueOf(o);
        return s.matches("[0-9a-f]{64}") ? s.substring(0, 12) + "…" : s;
    }
}
