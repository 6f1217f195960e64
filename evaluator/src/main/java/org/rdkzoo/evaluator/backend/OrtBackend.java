package org.rdkzoo.evaluator.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.rdkzoo.evaluator.image.PreprocessSpec.Layout;
import org.rdkzoo.evaluator.results.EvaluationResults;

/**
 * Float (and ONNX-quantized) evaluation on the PC with ONNX Runtime's CPU execution provider. The model's
 * single image input must be a rank-4 float32 or uint8 tensor with 3 channels (NCHW or NHWC, told apart by
 * where the 3 is); its first output holds the class scores ({@code [N, C]} or {@code [N, C, 1, 1]}),
 * float32 or uint8.
 */
public final class OrtBackend implements InferenceBackend {
    /**
     * @param intraOpThreads ONNX Runtime's threads inside one operator; 0 lets it choose (one per core)
     */
    public record Options(int intraOpThreads) {
        public Options {
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException("intra-op threads must be 0 (automatic) or more, was "
                        + intraOpThreads);
            }
        }

        public static Options defaults() {
            return new Options(0);
        }
    }

    private final Path model;
    private final Options options;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelDescription description;
    private final long[] inputShape;
    private ByteBuffer inputBuffer;
    private boolean closed;

    private OrtBackend(Path model, Options options, OrtEnvironment env, OrtSession session) throws BackendException {
        this.model = model;
        this.options = options;
        this.env = env;
        this.session = session;
        this.description = describe(model, session);
        this.inputShape = description.inputShape().stream().mapToLong(Long::longValue).toArray();
    }

    /** Loads a model; {@link BackendException} names the file when ONNX Runtime refuses it. */
    public static OrtBackend open(Path model, Options options) throws BackendException {
        return open(model, options, Map.of(), (env, so) -> env.createSession(model.toString(), so));
    }

    /**
     * Loads a model held in memory (a rewritten graph, such as the int8 simulation's), with extra ONNX Runtime
     * session configuration entries.
     *
     * @param name          what messages call the model (the file it was derived from)
     * @param sessionConfig {@code addConfigEntry} keys and values, e.g. {@code session.disable_quant_qdq}
     */
    public static OrtBackend open(byte[] model, Path name, Options options, Map<String, String> sessionConfig)
            throws BackendException {
        return open(name, options, sessionConfig, (env, so) -> env.createSession(model, so));
    }

    private interface SessionFactory {
        OrtSession create(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;
    }

    private static OrtBackend open(Path model, Options options, Map<String, String> sessionConfig,
            SessionFactory factory) throws BackendException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ONNX Runtime's threads spin between operators by default, burning the cores that the pipeline's
            // decoding threads need while the model runs; they sleep instead.
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.addConfigEntry("session.inter_op.allow_spinning", "0");
            for (Map.Entry<String, String> e : sessionConfig.entrySet()) {
                so.addConfigEntry(e.getKey(), e.getValue());
            }
            session = factory.create(env, so);
        } catch (OrtException e) {
            throw new BackendException(model + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        try {
            return new OrtBackend(model, options, env, session);
        } catch (BackendException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The ONNX Runtime version this JVM runs. */
    public static String runtimeVersion() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    @Override
    public ModelDescription describe() {
        checkOpen();
        return description;
    }

    private static ModelDescription describe(Path model, OrtSession session) throws BackendException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new BackendException(model + ": expected one image input, the model has " + inputs.size()
                        + ": " + inputs.keySet());
            }
            NodeInfo input = inputs.values().iterator().next();
            if (!(input.getInfo() instanceof TensorInfo in)) {
                throw new BackendException(model + ": input " + input.getName() + " is not a tensor: "
                        + input.getInfo());
            }
            long[] shape = in.getShape();
            if (shape.length != 4) {
                throw new BackendException(model + ": input " + input.getName() + " has shape "
                        + Arrays.toString(shape) + "; expected an image batch [N,3,H,W] or [N,H,W,3]");
            }
            InputForm form = switch (in.type) {
                case FLOAT -> InputForm.FLOAT32;
                case UINT8 -> InputForm.UINT8;
                default -> throw new BackendException(model + ": input " + input.getName() + " is " + in.type
                        + "; rdkzoo feeds float32 or uint8 images");
            };
            Layout layout;
            if (shape[1] == 3) {
                layout = Layout.NCHW;
            } else if (shape[3] == 3) {
                layout = Layout.NHWC;
            } else {
                throw new BackendException(model + ": input " + input.getName() + " has shape "
                        + Arrays.toString(shape) + ": no axis of 3 colour channels at position 1 (NCHW) or 3 (NHWC)");
            }
            int h = (int) (layout == Layout.NCHW ? shape[2] : shape[1]);
            int w = (int) (layout == Layout.NCHW ? shape[3] : shape[2]);

            NodeInfo output = session.getOutputInfo().values().iterator().next();
            if (!(output.getInfo() instanceof TensorInfo out)) {
                throw new BackendException(model + ": output " + output.getName() + " is not a tensor");
            }
            if (out.type != OnnxJavaType.FLOAT && out.type != OnnxJavaType.UINT8) {
                throw new BackendException(model + ": output " + output.getName() + " is " + out.type
                        + "; expected float32 or uint8 class scores");
            }
            long classes = 1;
            long[] outShape = out.getShape();
            for (int i = 1; i < outShape.length; i++) {
                classes *= outShape[i];
            }
            if (outShape.length < 2 || classes <= 0) {
                throw new BackendException(model + ": output " + output.getName() + " has shape "
                        + Arrays.toString(outShape) + "; expected [N, classes] with a known class count");
            }
            return new ModelDescription(input.getName(), Arrays.stream(shape).boxed().toList(), form, layout,
                    shape[0] > 0 ? (int) shape[0] : -1, h > 0 ? h : -1, w > 0 ? w : -1, output.getName(),
                    (int) classes, out.type == OnnxJavaType.UINT8);
        } catch (OrtException e) {
            throw new BackendException(model + ": cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    @Override
    public float[][] infer(Batch batch) throws BackendException {
        checkOpen();
        description.requireForm(batch);
        int n = batch.size();
        int rows = description.dynamicBatch() ? n : description.batch();
        if (n > rows) {
            throw new IllegalArgumentException("the model runs batches of " + rows + ", given " + n);
        }
        long[] shape = description.layout() == Layout.NCHW ? new long[] {rows, 3, batch.height(), batch.width()}
                : new long[] {rows, batch.height(), batch.width(), 3};
        for (int i = 1; i < 4; i++) {
            if (inputShape[i] > 0 && inputShape[i] != shape[i]) {
                throw new IllegalArgumentException("the model's input is " + Arrays.toString(inputShape)
                        + ", the images are " + batch.width() + "x" + batch.height()
                        + "; the preprocessing size does not match the model");
            }
        }
        if (3L * batch.height() * batch.width() != batch.imageLength()) {
            throw new IllegalArgumentException("a " + batch.width() + "x" + batch.height() + " image has "
                    + 3L * batch.height() * batch.width() + " elements, the inputs have " + batch.imageLength());
        }
        try (OnnxTensor tensor = tensor(batch, rows, shape);
                OrtSession.Result result = session.run(Collections.singletonMap(description.inputName(), tensor))) {
            return scores(result.get(0), n);
        } catch (OrtException e) {
            List<String> ids = batch.inputs().stream().map(ModelInput::id).toList();
            throw new BackendException(model + ": ONNX Runtime failed on " + (ids.size() == 1 ? "image " + ids.get(0)
                    : "a batch of " + ids.size() + " images (" + ids.get(0) + " ...)") + ": " + e.getMessage(), e);
        }
    }

    /** Packs the batch into a reused direct buffer (zero rows pad a fixed-size batch); ORT reads it in place. */
    private OnnxTensor tensor(Batch batch, int rows, long[] shape) throws OrtException {
        boolean floats = batch.form() == InputForm.FLOAT32;
        int elementBytes = floats ? Float.BYTES : 1;
        int bytes = rows * batch.imageLength() * elementBytes;
        if (inputBuffer == null || inputBuffer.capacity() < bytes) {
            inputBuffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        ByteBuffer buffer = inputBuffer.duplicate().order(ByteOrder.nativeOrder());
        buffer.clear().limit(bytes);
        if (floats) {
            FloatBuffer fb = buffer.asFloatBuffer();
            for (ModelInput in : batch.inputs()) {
                fb.put(in.floats());
            }
            while (fb.hasRemaining()) {
                fb.put(0f);
            }
            return OnnxTensor.createTensor(env, fb.flip(), shape);
        }
        for (ModelInput in : batch.inputs()) {
            buffer.put(in.bytes());
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) 0);
        }
        return OnnxTensor.createTensor(env, buffer.flip(), shape, OnnxJavaType.UINT8);
    }

    private float[][] scores(OnnxValue value, int n) throws BackendException {
        if (!(value instanceof OnnxTensor out)) {
            throw new BackendException(model + ": output " + description.outputName() + " is not a tensor");
        }
        int classes = description.classes();
        float[][] rows = new float[n][classes];
        if (description.quantizedOutput()) {
            ByteBuffer b = out.getByteBuffer();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    rows[i][c] = b.get(i * classes + c) & 0xFF;
                }
            }
        } else {
            FloatBuffer f = out.getFloatBuffer();
            for (int i = 0; i < n; i++) {
                f.get(i * classes, rows[i], 0, classes);
            }
        }
        return rows;
    }

    @Override
    public EvaluationResults.Backend record() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("executionProvider", "CPU");
        settings.put("intraOpThreads", options.intraOpThreads() == 0 ? "auto" : options.intraOpThreads());
        settings.put("graphOptimization", "ALL_OPT");
        settings.put("spinning", false);
        return new EvaluationResults.Backend("onnxruntime", Map.of("onnxruntime", runtimeVersion()), settings);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the ONNX Runtime session of " + model + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing to recover at close; the native session is released either way.
        }
    }
}
