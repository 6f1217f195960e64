package org.rdkzoo.evaluator.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.dataset.ImageEntry;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.labels.LabelMaps;

/**
 * Turns dataset labels (WordNet ids or class indices) into classes of a label map, and checks that a model
 * fits the map, all before any image is read.
 *
 * <p>A WordNet id is looked up among the map's ids; a map with names only (the ST label files) that has
 * 1000 classes is taken to follow the standard order (ids sorted), which is what the built-in map holds.
 * A class index must be below the map's size.
 */
public final class LabelResolver {
    private LabelResolver() {
    }

    /** The class of each entry (same order); unknown labels are refused with a count and examples. */
    public static int[] resolve(List<ImageEntry> entries, LabelMap map) throws InvalidInputException {
        Map<String, Integer> wnids = map.hasWnids() ? map.wnidIndex() : null;
        if (wnids == null && map.size() == LabelMaps.imagenet().size()) {
            wnids = LabelMaps.imagenet().wnidIndex();
        }
        int[] classes = new int[entries.size()];
        Map<String, Integer> unknown = new TreeMap<>();
        for (int i = 0; i < classes.length; i++) {
            String label = entries.get(i).label();
            Integer c;
            if (label.startsWith("n")) {
                if (wnids == null) {
                    throw new InvalidInputException("the dataset labels images by WordNet id (" + label + "), but the "
                            + "label map " + map.source() + " has names only and " + map.size() + " classes; use a "
                            + "label map with WordNet ids (synset_words.txt, imagenet_class_index.json)");
                }
                c = wnids.get(label);
            } else {
                int index = Integer.parseInt(label);
                c = index < map.size() ? index : null;
            }
            if (c == null) {
                unknown.merge(label, 1, Integer::sum);
            } else {
                classes[i] = c;
            }
        }
        if (!unknown.isEmpty()) {
            int images = unknown.values().stream().mapToInt(Integer::intValue).sum();
            throw new InvalidInputException(images + " images have labels that the label map " + map.source()
                    + " (" + map.size() + " classes) does not know: " + String.join(", ",
                            unknown.keySet().stream().limit(5).toList()) + (unknown.size() > 5 ? ", ..." : ""));
        }
        return classes;
    }

    /**
     * Refuses a model whose class count is not the map's size plus the offset.
     *
     * @param model a name for the message (the model file)
     */
    public static void checkFits(String model, int modelClasses, LabelMap map, int offset)
            throws InvalidInputException {
        if (modelClasses == map.size() + offset) {
            return;
        }
        String hint;
        if (modelClasses == map.size() + 1 && offset == 0) {
            hint = "; if class 0 is a background class (TF-slim models), pass --label-offset 1";
        } else if (modelClasses == map.size() && offset > 0) {
            hint = "; the model has no background class: drop --label-offset";
        } else {
            hint = "; pass --labels with the model's class names";
        }
        throw new InvalidInputException(model + " has " + modelClasses + " classes, but the label map " + map.source()
                + " has " + map.size() + (offset == 0 ? "" : " (+ offset " + offset + " = " + (map.size() + offset) + ")")
                + hint);
    }
}
