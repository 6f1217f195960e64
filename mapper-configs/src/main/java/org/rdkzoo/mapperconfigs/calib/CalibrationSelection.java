package org.rdkzoo.mapperconfigs.calib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Which images become calibration files, deterministically: the image files of the folder sorted by
 * name (Unicode code point order), shuffled by {@link Collections#shuffle(List, Random)} with
 * {@code new java.util.Random(seed)} (both algorithms are fixed by the Java specification, so the
 * order is the same on every JVM), then the first {@code count} that decode. An unreadable image is
 * replaced by the next one in the shuffled order.
 */
public final class CalibrationSelection {
    /** In words, for the manifest. */
    public static final String DESCRIPTION = "image files (.jpg .jpeg .png .bmp, any case) of the folder sorted by"
            + " name in code point order, shuffled with java.util.Collections.shuffle(list, new"
            + " java.util.Random(seed)), then the first `count` that decode; an unreadable image is replaced by"
            + " the next in that order";

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    /**
     * The images of a folder and what else it holds.
     *
     * @param images image files, sorted by name
     * @param other  names of the other entries (files of other types, folders), which are ignored
     */
    public record Listing(List<Path> images, List<String> other) {
    }

    private CalibrationSelection() {
    }

    /** The image files directly in {@code dir} (hidden files excluded), sorted by name. */
    public static Listing list(Path dir) throws IOException {
        // Names are taken once per file: a comparator that asked each Path for its name made 20,000 calls
        // for 1,000 files, enough to make the JIT compile them while the images wait.
        List<Named> images = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (isImageName(name) && Files.isRegularFile(p)) {
                    images.add(new Named(name, p));
                } else {
                    other.add(name);
                }
            }
        }
        images.sort((a, b) -> compareCodePoints(a.name, b.name));
        other.sort(CalibrationSelection::compareCodePoints);
        List<Path> paths = new ArrayList<>(images.size());
        for (Named n : images) {
            paths.add(n.path);
        }
        return new Listing(List.copyOf(paths), List.copyOf(other));
    }

    /** The sorted images in the order they are tried. */
    public static List<Path> order(List<Path> sorted, long seed) {
        List<Path> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }

    /** {@code ILSVRC2012_val_00000092.JPEG} is written as {@code ILSVRC2012_val_00000092.rgb}. */
    public static String outputName(String sourceName) {
        int dot = sourceName.lastIndexOf('.');
        return (dot > 0 ? sourceName.substring(0, dot) : sourceName) + ".rgb";
    }

    /** Pairs of sources that would write the same output file, as messages; empty when there are none. */
    public static List<String> collisions(List<Path> images) {
        Map<String, String> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Path p : images) {
            String name = p.getFileName().toString();
            String previous = seen.putIfAbsent(outputName(name), name);
            if (previous != null) {
                out.add(previous + " and " + name + " would both be written as " + outputName(name));
            }
        }
        return out;
    }

    static boolean isImageName(String name) {
        for (String ext : EXTENSIONS) {
            if (name.regionMatches(true, name.length() - ext.length(), ext, 0, ext.length())) {
                return true;
            }
        }
        return false;
    }

    private record Named(String name, Path path) {
    }

    /** Code point order, as Python's {@code sorted()} orders names (String.compareTo uses UTF-16 units). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
