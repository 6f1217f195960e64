package org.rdkzoo.downloader.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of the catalog: what it is, the zoo's figures for it, and its files.
 *
 * @param id          the short name, lower case ({@code efficientnet_b3})
 * @param family      the zoo's family ({@code EfficientNet})
 * @param name        the display name, the file stem without the input suffix ({@code EfficientNet_B3})
 * @param bin         the BPU binary, or null for a user entry with only an ONNX
 * @param onnx        the float ONNX, or null when the zoo publishes none
 * @param inputWidth  model input width, pixels
 * @param inputHeight model input height, pixels
 * @param classes     number of output classes
 * @param source      where the float model comes from, or null when unknown
 * @param figures     the zoo's published figures
 * @param notes       caveats worth showing to users
 * @param origin      where the entry was defined (the embedded catalog, or a user file and line)
 */
public record CatalogEntry(String id, String family, String name, Artifact bin, Artifact onnx, int inputWidth,
        int inputHeight, int classes, String source, PublishedFigures figures, List<String> notes, String origin) {
    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figures, "figures");
        if (bin == null && onnx == null) {
            throw new IllegalArgumentException("entry " + id + " has no artifact");
        }
        notes = List.copyOf(notes);
    }

    /** The file stem of the main artifact ({@code EfficientNet_B3_224x224_nv12}). */
    public String stem() {
        return bin != null ? bin.stem() : onnx.stem();
    }

    /** {@code WxH}, as the zoo's tables print it. */
    public String inputSize() {
        return inputWidth + "x" + inputHeight;
    }

    public Optional<Artifact> artifact(ArtifactFormat format) {
        return Optional.ofNullable(format == ArtifactFormat.BIN ? bin : onnx);
    }

    /** The artifacts that exist, the binary first. */
    public List<Artifact> artifacts() {
        List<Artifact> all = new ArrayList<>(2);
        if (bin != null) {
            all.add(bin);
        }
        if (onnx != null) {
            all.add(onnx);
        }
        return all;
    }

    public Optional<String> binFile() {
        return Optional.ofNullable(bin).map(Artifact::file);
    }

    public Optional<String> onnxFile() {
        return Optional.ofNullable(onnx).map(Artifact::file);
    }
}
