package org.rdkzoo.evaluator.dataset;

import java.util.Locale;

/** How a dataset's images and labels are laid out. {@link #id()} is what results files record. */
public enum DatasetLayout {
    /** One folder per class, named by WordNet id: {@code n01440764/ILSVRC2012_val_00000293.JPEG}. */
    CLASS_FOLDERS("class-folders"),
    /** Images (in any sub-folders) plus a ground-truth file: {@code val.txt}, the 50,000-line ILSVRC file, a CSV. */
    FLAT_LABELS("flat+labels"),
    /** The WordNet id starts each file name: {@code n01440764_tench.JPEG}. */
    WNID_PREFIX("wnid-prefix"),
    /** A {@code .tar} (or {@code .tar.gz}) read as a stream, never unpacked; tars inside it are read too. */
    TAR("tar");

    private final String id;

    DatasetLayout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses a layout name: its id, or a short form ({@code flat}, {@code prefix}, {@code folders}). */
    public static DatasetLayout parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "class-folders", "folders", "classes" -> CLASS_FOLDERS;
            case "flat+labels", "flat", "labels" -> FLAT_LABELS;
            case "wnid-prefix", "prefix", "wnid" -> WNID_PREFIX;
            case "tar" -> TAR;
            default -> throw new IllegalArgumentException("unknown dataset layout '" + name
                    + "', expected one of: class-folders, flat, wnid-prefix, tar");
        };
    }
}
