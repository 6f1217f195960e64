package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.InvalidInputException;

/**
 * Opens a dataset: finds its images, tells its layout (unless forced), reads its labels, and builds the
 * manifest without reading any image (sizes come from the file system or the tar headers).
 *
 * <p>Detection, in order: a {@code .tar}/{@code .tar.gz} file is {@link DatasetLayout#TAR}; a ground-truth
 * file given explicitly makes a folder {@link DatasetLayout#FLAT_LABELS}; sub-folders all named by WordNet id
 * make {@link DatasetLayout#CLASS_FOLDERS}; a ground-truth file in the folder ({@code labels.csv},
 * {@code val.txt}, {@code dataset.txt}, {@code ground_truth.txt}) makes {@link DatasetLayout#FLAT_LABELS};
 * file names that all start with a WordNet id make {@link DatasetLayout#WNID_PREFIX}. In a tar, labels come
 * from the ground-truth file when given, else from a WordNet-id folder or inner tar, else from the file name.
 */
public final class Datasets {
    /** Ground-truth files looked for in a dataset folder, in this order. */
    public static final List<String> GROUND_TRUTH_NAMES = List.of("labels.csv", "val.txt", "dataset.txt",
            "ground_truth.txt");

    private Datasets() {
    }

    /**
     * @param data        a folder or a tar
     * @param layout      the layout to use, or {@code null} to detect it
     * @param groundTruth a ground-truth file, or {@code null} to find one in the folder when needed
     */
    public static Dataset open(Path data, DatasetLayout layout, Path groundTruth) throws IOException {
        if (!Files.exists(data)) {
            throw new NoSuchFileException(data.toString(), null, "no such dataset folder or archive");
        }
        GroundTruth truth = groundTruth == null ? null : GroundTruth.read(groundTruth);
        if (Files.isRegularFile(data)) {
            if (!TarWalker.isArchive(data) || (layout != null && layout != DatasetLayout.TAR)) {
                throw new InvalidInputException(data + ": a dataset is a folder or a .tar/.tar.gz archive"
                        + (layout != null && layout != DatasetLayout.TAR ? "; layout " + layout.id()
                        + " needs a folder" : ""));
            }
            return tar(data, truth);
        }
        if (layout == DatasetLayout.TAR) {
            throw new InvalidInputException(data + " is a folder, but layout tar needs a .tar file");
        }
        Map<String, Long> images = scan(data);
        if (images.isEmpty()) {
            throw new InvalidInputException(data + ": no images found (looked for .jpg, .jpeg, .png, .bmp, .webp, "
                    + ".tif, .ppm files, in sub-folders too)");
        }
        DatasetLayout chosen = layout != null ? layout : detect(data, images, truth);
        if (truth != null && chosen != DatasetLayout.FLAT_LABELS) {
            throw new InvalidInputException("a ground-truth file (" + truth.source() + ") applies to the flat and tar "
                    + "layouts, not " + chosen.id());
        }
        Map<String, String> labels = switch (chosen) {
            case CLASS_FOLDERS -> byFolder(data, images);
            case WNID_PREFIX -> byPrefix(data, images);
            case FLAT_LABELS -> {
                if (truth == null) {
                    truth = GroundTruth.read(findGroundTruth(data));
                }
                yield truth.assign(new ArrayList<>(images.keySet()));
            }
            case TAR -> throw new AssertionError("handled above");
        };
        return new Dataset(name(data), data, chosen, manifest(images, labels), truth);
    }

    private static DatasetLayout detect(Path data, Map<String, Long> images, GroundTruth truth) throws IOException {
        if (truth != null) {
            return DatasetLayout.FLAT_LABELS;
        }
        if (images.keySet().stream().allMatch(id -> id.indexOf('/') > 0
                && ImageFiles.isWnid(id.substring(0, id.indexOf('/'))))) {
            return DatasetLayout.CLASS_FOLDERS;
        }
        if (groundTruthIn(data) != null) {
            return DatasetLayout.FLAT_LABELS;
        }
        if (images.keySet().stream().allMatch(id -> ImageFiles.prefixWnid(id) != null)) {
            return DatasetLayout.WNID_PREFIX;
        }
        String example = images.keySet().iterator().next();
        throw new InvalidInputException("cannot tell the labels of the " + images.size() + " images in " + data
                + ": no class folders named by WordNet id (like n01440764/), no ground-truth file ("
                + String.join(", ", GROUND_TRUTH_NAMES) + "), and not every file name starts with a WordNet id (e.g. "
                + example + "); pass --ground-truth FILE");
    }

    private static Path groundTruthIn(Path data) {
        for (String name : GROUND_TRUTH_NAMES) {
            Path candidate = data.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path findGroundTruth(Path data) throws InvalidInputException {
        Path found = groundTruthIn(data);
        if (found == null) {
            throw new InvalidInputException(data + ": the flat layout needs a ground-truth file: none of "
                    + GROUND_TRUTH_NAMES + " is in the folder; pass --ground-truth FILE");
        }
        return found;
    }

    /** Image ids (relative paths with '/') and sizes, sorted by id; symbolic links are followed. */
    private static Map<String, Long> scan(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(p -> ImageFiles.isImage(p.getFileName().toString()) && Files.isRegularFile(p))
                    .toList();
        }
        Map<String, Long> images = new TreeMap<>();
        for (Path p : files) {
            String id = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            if (id.startsWith(".") || id.contains("/.")) {
                continue; // inside a hidden folder (.git, .thumbnails)
            }
            images.put(id, Files.size(p));
        }
        return images;
    }

    private static Map<String, String> byFolder(Path data, Map<String, Long> images) throws InvalidInputException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String id : images.keySet()) {
            int slash = id.indexOf('/');
            String folder = slash < 0 ? "" : id.substring(0, slash);
            if (!ImageFiles.isWnid(folder)) {
                throw new InvalidInputException(data + ": the class-folders layout needs every image in a folder "
                        + "named by its WordNet id (like n01440764/), but " + id + " is not");
            }
            labels.put(id, folder);
        }
        return labels;
    }

    private static Map<String, String> byPrefix(Path data, Map<String, Long> images) throws InvalidInputException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String id : images.keySet()) {
            String wnid = ImageFiles.prefixWnid(id);
            if (wnid == null) {
                throw new InvalidInputException(data + ": the wnid-prefix layout needs every file name to start "
                        + "with a WordNet id (like n01440764_tench.JPEG), but " + id + " does not");
            }
            labels.put(id, wnid);
        }
        return labels;
    }

    private static Dataset tar(Path archive, GroundTruth truth) throws IOException {
        Map<String, Long> images = new LinkedHashMap<>();
        try (TarWalker walker = new TarWalker(archive)) {
            while (walker.next()) {
                if (images.put(walker.id(), walker.size()) != null) {
                    throw new InvalidInputException(archive + ": entry " + walker.id() + " appears twice");
                }
            }
        }
        if (images.isEmpty()) {
            throw new InvalidInputException(archive + ": the archive holds no images");
        }
        Map<String, String> labels;
        if (truth != null) {
            labels = truth.assign(new ArrayList<>(images.keySet()));
        } else {
            labels = new LinkedHashMap<>();
            for (String id : images.keySet()) {
                String wnid = ImageFiles.folderWnid(id);
                if (wnid == null) {
                    wnid = ImageFiles.prefixWnid(id);
                }
                if (wnid == null) {
                    throw new InvalidInputException(archive + ": cannot tell the label of " + id + " (no WordNet-id "
                            + "folder or file-name prefix); pass --ground-truth FILE (for the ILSVRC2012 validation "
                            + "tar: ILSVRC2012_val_ground_truth.txt)");
                }
                labels.put(id, wnid);
            }
        }
        return new Dataset(name(archive), archive, DatasetLayout.TAR, manifest(images, labels), truth);
    }

    private static Manifest manifest(Map<String, Long> images, Map<String, String> labels) {
        List<ImageEntry> entries = new ArrayList<>(images.size());
        images.forEach((id, size) -> entries.add(new ImageEntry(id, size, labels.get(id))));
        return new Manifest(entries);
    }

    private static String name(Path data) {
        Path file = data.toAbsolutePath().normalize().getFileName();
        String name = file == null ? data.toString() : file.toString();
        for (String ext : List.of(".tar.gz", ".tgz", ".tar")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
