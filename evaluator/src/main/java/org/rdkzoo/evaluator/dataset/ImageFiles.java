package org.rdkzoo.evaluator.dataset;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which names are images, and the WordNet ids that names and folders carry. */
final class ImageFiles {
    /** The formats {@code cv2.imread} reads that datasets use; anything else in a folder is ignored. */
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "bmp", "webp", "tif", "tiff",
            "ppm", "pgm");
    private static final Pattern WNID = Pattern.compile("n\\d{8}");
    private static final Pattern WNID_FOLDER = Pattern.compile("(n\\d{8})(?:\\.tar)?");
    private static final Pattern WNID_PREFIX = Pattern.compile("^(n\\d{8})(?:[_\\-.].*)?$");

    private ImageFiles() {
    }

    static boolean isImage(String name) {
        String file = GroundTruth.fileName(name);
        int dot = file.lastIndexOf('.');
        // Hidden files (macOS "._x.JPEG" resource forks) are not images even with an image extension.
        return dot > 0 && !file.startsWith(".") && EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean isWnid(String s) {
        return WNID.matcher(s).matches();
    }

    /** The WordNet id of the innermost folder (or inner tar) named by one, else {@code null}. */
    static String folderWnid(String id) {
        String[] parts = id.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            Matcher m = WNID_FOLDER.matcher(parts[i]);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The WordNet id a file name starts with ({@code n01440764_tench.JPEG}), else {@code null}. */
    static String prefixWnid(String id) {
        Matcher m = WNID_PREFIX.matcher(GroundTruth.fileName(id));
        return m.matches() ? m.group(1) : null;
    }
}
