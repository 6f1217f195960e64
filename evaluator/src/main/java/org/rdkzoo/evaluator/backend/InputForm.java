package org.rdkzoo.evaluator.backend;

/** What a backend takes as one image's input; the pipeline prepares images in this form. */
public enum InputForm {
    /** A float32 tensor, normalised by the {@link org.rdkzoo.evaluator.image.PreprocessSpec} (ONNX float models). */
    FLOAT32,
    /** A uint8 tensor of raw pixels in the spec's layout and colour order (uint8-input ONNX models). */
    UINT8,
    /** NV12 bytes, {@code width * height * 3 / 2}: Y plane then interleaved U/V (the BPU's image input). */
    NV12
}
