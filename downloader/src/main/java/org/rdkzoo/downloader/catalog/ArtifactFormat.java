package org.rdkzoo.downloader.catalog;

import java.util.Locale;

/** The two kinds of file the zoo publishes for a model: the BPU binary and the float ONNX. */
public enum ArtifactFormat {
    /** The quantized model compiled for the X5's BPU ({@code *_224x224_nv12.bin}). */
    BIN(".bin"),
    /** The float model before quantization. */
    ONNX(".onnx");

    private final String extension;

    ArtifactFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The lower-case name used on the command line and in files ({@code bin}, {@code onnx}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
