package org.rdkzoo.evaluator.sim;

import java.nio.FloatBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.onnx.OnnxModel;

/**
 * One ONNX Runtime session over a model built in memory, with chosen intermediate tensors ("taps") declared
 * as outputs, run one sample at a time: what calibration, the per-layer report and the searches need.
 */
final class ModelRunner implements AutoCloseable {
    /**
     * Session settings for fake-quantized graphs: ONNX Runtime's QDQ fusions would otherwise turn some
     * DequantizeLinear → op → QuantizeLinear groups into integer kernels with their own rounding, and keep
     * the weights' DequantizeLinear from being folded into constants at load. With them off, the simulated
     * arithmetic is exactly the Q/DQ pairs' and the float operators between them.
     */
    static final Map<String, String> SESSION_CONFIG = Map.of("session.disable_quant_qdq", "1");

    /** Receives one output of a run; the buffer is valid only during the call. */
    @FunctionalInterface
    interface Visitor {
        void tensor(String name, FloatBuffer values);
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private boolean closed;

    private ModelRunner(OrtEnvironment env, OrtSession session, String input) {
        this.env = env;
        this.session = session;
        this.input = input;
    }

    /** Opens {@code model} with {@code taps} added to its outputs (none: the model's own outputs only). */
    static ModelRunner open(OnnxModel model, Collection<String> taps) throws BackendException {
        OnnxModel m = taps.isEmpty() ? model : model.edit().addOutputs(taps).build();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            for (Map.Entry<String, String> e : SESSION_CONFIG.entrySet()) {
                so.addConfigEntry(e.getKey(), e.getValue());
            }
            OrtSession session = env.createSession(m.toByteArray(), so);
            if (session.getInputNames().size() != 1) {
                String names = session.getInputNames().toString();
                session.close();
                throw new BackendException("the simulation takes a model with one image input, this one has " + names);
            }
            return new ModelRunner(env, session, session.getInputNames().iterator().next());
        } catch (OrtException e) {
            throw new BackendException("ONNX Runtime cannot load the " + (taps.isEmpty() ? "" : "instrumented ")
                    + "model: " + e.getMessage(), e);
        }
    }

    /** Runs one sample of {@code shape} and hands every float output to {@code visitor}. */
    void run(float[] sample, long[] shape, Visitor visitor) throws BackendException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(sample), shape);
                OrtSession.Result result = session.run(Collections.singletonMap(input, in))) {
            for (Map.Entry<String, OnnxValue> e : result) {
                if (e.getValue() instanceof OnnxTensor t && t.getInfo().type == OnnxJavaType.FLOAT) {
                    visitor.tensor(e.getKey(), t.getFloatBuffer());
                }
            }
        } catch (OrtException e) {
            throw new BackendException("ONNX Runtime failed on a simulation sample: " + e.getMessage(), e);
        }
    }

    /** Runs one sample and copies out the named outputs. */
    Map<String, float[]> run(float[] sample, long[] shape, Set<String> wanted) throws BackendException {
        Map<String, float[]> out = new HashMap<>();
        run(sample, shape, (name, values) -> {
            if (wanted.contains(name)) {
                float[] a = new float[values.remaining()];
                values.get(values.position(), a);
                out.put(name, a);
            }
        });
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                // Released either way.
            }
        }
    }
}
