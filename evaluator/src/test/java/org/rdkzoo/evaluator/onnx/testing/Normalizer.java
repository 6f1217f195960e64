package org.rdkzoo.evaluator.onnx.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;
import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorShapeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ValueInfoProto;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Does what BatchNorm folding does for a trained network, on random weights: each convolution, in
 * graph order, is rescaled so that its output on random images has zero mean and unit spread, then
 * given a random per-channel scale and shift (BatchNorm's gamma and beta). Without it, random
 * weights make activations vanish or explode within a few blocks.
 *
 * <p>Measured at the model's own resolution (at a smaller one, zero padding dominates the last
 * stages and misleads the scale). All convolutions are measured in one ONNX Runtime session, with the
 * weights fed as inputs from direct buffers that are rescaled in place between runs.
 */
final class Normalizer {
    /** A conv's weight and bias initializers and its output; projections end a residual branch. */
    record Conv(String weight, String bias, String output, boolean projection) {
    }

    /** Spread of the logits on random images, about what trained classifiers give. */
    private static final double LOGIT_STD = 3.0;
    private static final int PROBE_BATCH = 1;

    private Normalizer() {
    }

    static OnnxModel normalize(OnnxModel model, List<Conv> convs, long seed, int resolution) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        ModelProto probe = probeModel(model, convs, resolution);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, FloatBuffer> buffers = new HashMap<>();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(probe.toByteArray(), options)) {
                for (TensorProto t : model.proto().getGraph().getInitializerList()) {
                    float[] values = Tensors.toFloats(t);
                    FloatBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
                    b.put(values).rewind();
                    buffers.put(t.getName(), b);
                    feed.put(t.getName(), OnnxTensor.createTensor(env, b, Tensors.dims(t)));
                }
                feed.put(EfficientNetGraphs.INPUT, images(env, random, resolution));
                for (Conv c : convs) {
                    float[] y = run(session, feed, c.output());
                    double[] meanStd = meanStd(y);
                    rescale(buffers.get(c.weight()), buffers.get(c.bias()), meanStd, c.projection() ? 0.5 : 1.0, random);
                }
                // The classifier: logits with about the spread of a trained network's.
                double std = meanStd(run(session, feed, EfficientNetGraphs.OUTPUT))[1];
                scale(buffers.get("classifier.weight"), LOGIT_STD / std);
                scale(buffers.get("classifier.bias"), LOGIT_STD / std);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("normalising the generated graph failed", e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
        GraphProto.Builder g = model.proto().getGraph().toBuilder();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            TensorProto t = g.getInitializer(i);
            FloatBuffer b = buffers.get(t.getName());
            float[] values = new float[b.capacity()];
            b.rewind();
            b.get(values);
            g.setInitializer(i, Tensors.floats(t.getName(), Tensors.dims(t), values));
        }
        return OnnxModel.of(model.proto().toBuilder().setGraph(g).build());
    }

    /** The model with weights as inputs, a small input and every conv output exposed. */
    private static ModelProto probeModel(OnnxModel model, List<Conv> convs, int resolution) {
        GraphProto.Builder g = model.proto().getGraph().toBuilder();
        ValueInfoProto data = g.getInput(0);
        TensorShapeProto.Builder shape = data.getType().getTensorType().getShape().toBuilder();
        shape.setDim(0, TensorShapeProto.Dimension.newBuilder().setDimValue(PROBE_BATCH));
        shape.setDim(2, TensorShapeProto.Dimension.newBuilder().setDimValue(resolution));
        shape.setDim(3, TensorShapeProto.Dimension.newBuilder().setDimValue(resolution));
        ValueInfoProto.Builder input = data.toBuilder();
        input.getTypeBuilder().getTensorTypeBuilder().setShape(shape);
        g.setInput(0, input);
        for (TensorProto t : g.getInitializerList()) {
            g.addInput(OnnxBuilder.valueInfo(t.getName(), org.rdkzoo.evaluator.onnx.DataType.FLOAT, Tensors.dims(t)));
        }
        g.clearInitializer();
        g.clearOutput();
        g.addOutput(ValueInfoProto.newBuilder().setName(EfficientNetGraphs.OUTPUT));
        for (Conv c : convs) {
            g.addOutput(ValueInfoProto.newBuilder().setName(c.output()));
        }
        return model.proto().toBuilder().setGraph(g).build();
    }

    private static OnnxTensor images(OrtEnvironment env, Random random, int resolution) throws OrtException {
        float[] x = new float[PROBE_BATCH * 3 * resolution * resolution];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {PROBE_BATCH, 3, resolution, resolution});
    }

    private static float[] run(OrtSession session, Map<String, OnnxTensor> feed, String output) throws OrtException {
        try (OrtSession.Result r = session.run(feed, Set.of(output))) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] v = new float[fb.remaining()];
            fb.get(v);
            return v;
        }
    }

    private static double[] meanStd(float[] y) {
        double s = 0;
        double s2 = 0;
        for (float v : y) {
            s += v;
            s2 += (double) v * v;
        }
        double mean = s / y.length;
        return new double[] {mean, Math.sqrt(Math.max(1e-12, s2 / y.length - mean * mean))};
    }

    /** w' = w * gamma / std, b' = (b - mean) * gamma / std + beta, per output channel. */
    private static void rescale(FloatBuffer w, FloatBuffer b, double[] meanStd, double gammaScale, Random random) {
        int channels = b.capacity();
        int per = w.capacity() / channels;
        for (int c = 0; c < channels; c++) {
            double gamma = gammaScale * (0.5 + random.nextDouble());
            double beta = 0.1 * random.nextGaussian();
            double k = gamma / meanStd[1];
            for (int i = 0; i < per; i++) {
                w.put(c * per + i, (float) (w.get(c * per + i) * k));
            }
            b.put(c, (float) ((b.get(c) - meanStd[0]) * k + beta));
        }
    }

    private static void scale(FloatBuffer b, double k) {
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (float) (b.get(i) * k));
        }
    }
}
