package org.rdkzoo.evaluator.backend;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.image.PreprocessSpec.Layout;
import org.rdkzoo.runtime.InferenceSession;
import org.rdkzoo.runtime.tensor.DataType;
import org.rdkzoo.runtime.tensor.QuantiType;
import org.rdkzoo.runtime.tensor.Quantization;
import org.rdkzoo.runtime.tensor.TensorInfo;
import org.rdkzoo.runtime.tensor.TensorLayout;
import org.rdkzoo.runtime.tensor.TensorProperties;

/**
 * How the image input of a {@code .bin} is fed from what the pipeline prepares, by the input's type:
 * <ul>
 * <li>NV12 and NV12_SEPARATE (the zoo's classifiers): the NV12 bytes as they are;</li>
 * <li>Y (gray): the Y plane of the NV12 bytes;</li>
 * <li>YUV444: the NV12 bytes with each U/V sample repeated over its 2x2 pixels, as Horizon's
 *     {@code yuv420sp_to_yuv444} and the OE's {@code NV12ToYUV444Transformer} make it, in the input's layout;</li>
 * <li>RGB and BGR: uint8 pixels in the input's layout and colour order;</li>
 * <li>feature maps (any tensor type): the normalised float tensor, quantized to the input's type by its
 *     quantization ({@link InferenceSession#setInput(int, float[])}).</li>
 * </ul>
 * Immutable; the per-session scratch array (YUV444 only) belongs to the caller.
 */
final class BpuInput {
    enum Kind {
        NV12, Y, YUV444, PIXELS, FEATURES
    }

    private final TensorInfo info;
    private final Kind kind;
    private final Layout layout;
    private final int height;
    private final int width;

    private BpuInput(TensorInfo info, Kind kind, Layout layout, int height, int width) {
        this.info = info;
        this.kind = kind;
        this.layout = layout;
        this.height = height;
        this.width = width;
    }

    /** The input of {@code file}'s model, or why rdkzoo cannot feed it images. */
    static BpuInput of(Path file, TensorInfo info) throws BackendException {
        TensorProperties p = info.properties();
        DataType type = p.type();
        int[] dims = p.validShape().dims();
        String what = file + ": input " + info.index() + " '" + info.name() + "' (" + type.headerName() + " "
                + p.layout() + " " + p.validShape() + ")";
        if (dims.length != 4) {
            throw new BackendException(what + " is not an image batch: rdkzoo feeds 4-dimensional image inputs");
        }
        if (dims[0] != 1) {
            throw new BackendException(what + " takes " + dims[0] + " images at once; rdkzoo runs models of batch 1");
        }
        if (type.byteSize() == 0) {
            throw new BackendException(what + " is a packed 4-bit type, which rdkzoo cannot write");
        }
        if (type.isYuv420()) {
            if (p.imageHeight() % 2 != 0 || p.imageWidth() % 2 != 0) {
                throw new BackendException(what + " needs an even height and width for NV12");
            }
            Kind kind = type == DataType.Y ? Kind.Y : Kind.NV12;
            return new BpuInput(info, kind, p.layout() == TensorLayout.NHWC ? Layout.NHWC : Layout.NCHW,
                    p.imageHeight(), p.imageWidth());
        }
        Layout layout = switch (p.layout()) {
            case NCHW -> Layout.NCHW;
            case NHWC -> Layout.NHWC;
            case NONE -> dims[1] == 3 ? Layout.NCHW : dims[3] == 3 ? Layout.NHWC : null;
        };
        int channels = layout == null ? -1 : dims[layout == Layout.NCHW ? 1 : 3];
        if (channels != 3) {
            throw new BackendException(what + " has no axis of 3 colour channels where its layout puts them");
        }
        int h = dims[layout == Layout.NCHW ? 2 : 1];
        int w = dims[layout == Layout.NCHW ? 3 : 2];
        Kind kind = type == DataType.YUV444 ? Kind.YUV444 : type == DataType.RGB || type == DataType.BGR ? Kind.PIXELS
                : Kind.FEATURES;
        if (kind == Kind.YUV444 && (h % 2 != 0 || w % 2 != 0)) {
            throw new BackendException(what + " needs an even height and width (it is made from NV12)");
        }
        return new BpuInput(info, kind, layout, h, w);
    }

    TensorInfo info() {
        return info;
    }

    Kind kind() {
        return kind;
    }

    /** What the pipeline prepares for this input. */
    InputForm form() {
        return switch (kind) {
            case NV12, Y, YUV444 -> InputForm.NV12;
            case PIXELS -> InputForm.UINT8;
            case FEATURES -> InputForm.FLOAT32;
        };
    }

    Layout layout() {
        return layout;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** The colour order an RGB or BGR input's pixels must have; {@code null} for the other kinds. */
    PreprocessSpec.ColorOrder color() {
        if (kind != Kind.PIXELS) {
            return null;
        }
        return info.properties().type() == DataType.BGR ? PreprocessSpec.ColorOrder.BGR : PreprocessSpec.ColorOrder.RGB;
    }

    /** Elements of one prepared image: NV12 bytes, pixels or floats. */
    int preparedLength() {
        return form() == InputForm.NV12 ? height * width * 3 / 2 : 3 * height * width;
    }

    /** A scratch array for {@link #feed}, one per session: only YUV444 needs one. */
    byte[] newScratch() {
        return kind == Kind.YUV444 ? new byte[3 * height * width] : null;
    }

    /** Writes one prepared image into the session's input memory. */
    void feed(InferenceSession session, ModelInput in, byte[] scratch) {
        int index = info.index();
        switch (kind) {
            case NV12, PIXELS -> session.setInput(index, in.bytes());
            case Y -> session.setInput(index, ByteBuffer.wrap(in.bytes(), 0, height * width));
            case YUV444 -> {
                yuv444(in.bytes(), height, width, layout, scratch);
                session.setInput(index, scratch);
            }
            case FEATURES -> session.setInput(index, in.floats());
        }
    }

    /**
     * NV12 ({@code h*w} Y, then {@code h/2} rows of {@code w} interleaved U/V) to YUV444: each pixel keeps its Y
     * and takes the U/V of its 2x2 block; interleaved {@code YUV} per pixel for NHWC, three planes for NCHW.
     */
    static void yuv444(byte[] nv12, int h, int w, Layout layout, byte[] out) {
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            int uvRow = plane + (y / 2) * w;
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int uv = uvRow + (x & ~1);
                if (layout == Layout.NHWC) {
                    out[3 * p] = nv12[p];
                    out[3 * p + 1] = nv12[uv];
                    out[3 * p + 2] = nv12[uv + 1];
                } else {
                    out[p] = nv12[p];
                    out[plane + p] = nv12[uv];
                    out[2 * plane + p] = nv12[uv + 1];
                }
            }
        }
    }

    @Override
    public String toString() {
        return describe(info);
    }

    /** Whether a tensor's strides leave gaps (beyond a wider aligned shape, which is shown anyway). */
    private static boolean padded(TensorProperties p) {
        if (p.type().isYuv420() || Arrays.stream(p.stride()).allMatch(s -> s == 0)) {
            return false;
        }
        return !Arrays.equals(p.byteStrides(), TensorProperties.dense(p.alignedShape(), p.layout(), p.type())
                .byteStrides());
    }

    /** A tensor in one line for the results: name, type, layout, shapes, stride and quantization (summarised). */
    static String describe(TensorInfo tensor) {
        TensorProperties p = tensor.properties();
        Quantization q = p.quantization();
        String quantization = q.type() == QuantiType.NONE ? "" : " " + q.type() + (q.isPerAxis()
                ? " per axis " + q.axis() + " (" + q.length() + " entries)" : " per tensor");
        return tensor.name() + ": " + p.type().headerName() + " " + p.layout() + " " + p.validShape()
                + (p.alignedShape().equals(p.validShape()) ? "" : " aligned " + p.alignedShape())
                + (padded(p) ? " stride " + Arrays.toString(p.stride()) : "")
                + quantization;
    }
}
