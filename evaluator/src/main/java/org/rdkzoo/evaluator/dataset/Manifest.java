package org.rdkzoo.evaluator.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * Every image of a dataset with its size and label, sorted by id: what a results file's manifest hash
 * stands for. Two runs with equal {@link #sha256()} saw the same files (same names, sizes, labels). The ids of
 * the images a run evaluated are hashed by {@link org.rdkzoo.evaluator.results.ImageIds}.
 */
public record Manifest(List<ImageEntry> entries) {
    public Manifest {
        List<ImageEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ImageEntry::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("image id " + sorted.get(i).id() + " appears twice");
            }
        }
        entries = List.copyOf(sorted);
    }

    public int size() {
        return entries.size();
    }

    /** SHA-256 of the lines {@code id TAB size TAB label LF}, in id order. */
    public String sha256() {
        MessageDigest md = Sha256.digest();
        for (ImageEntry e : entries) {
            md.update((e.id() + '\t' + e.size() + '\t' + e.label() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(md.digest());
    }
}
