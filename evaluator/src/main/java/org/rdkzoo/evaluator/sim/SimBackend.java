package org.rdkzoo.evaluator.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.ModelDescription;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.EvaluationResults;

/**
 * The int8 simulation as an evaluation backend: ONNX Runtime on the fake-quantized graph (in memory, with the
 * QDQ fusions off, see {@link ModelRunner#SESSION_CONFIG}). It takes and gives what the float model does, so
 * the pipeline, the results file and {@code compare} treat it like any backend; its record says
 * {@code sim} and carries the calibration settings.
 */
public final class SimBackend implements InferenceBackend {
    private final OrtBackend ort;
    private final Map<String, Object> settings;

    private SimBackend(OrtBackend ort, Map<String, Object> settings) {
        this.ort = ort;
        this.settings = settings;
    }

    /**
     * @param floatModel the file the simulation was made from (named in messages; the results file records it)
     * @param extra      more settings for the record (the calibration data, the default search's choice)
     */
    public static SimBackend open(SimModel model, Path floatModel, OrtBackend.Options options, Map<String, Object> extra)
            throws BackendException {
        Map<String, Object> settings = new LinkedHashMap<>(model.record());
        settings.putAll(extra);
        return new SimBackend(OrtBackend.open(model.toByteArray(), floatModel, options, ModelRunner.SESSION_CONFIG),
                settings);
    }

    @Override
    public ModelDescription describe() {
        return ort.describe();
    }

    @Override
    public float[][] infer(Batch batch) throws BackendException {
        return ort.infer(batch);
    }

    @Override
    public EvaluationResults.Backend record() {
        EvaluationResults.Backend r = ort.record();
        Map<String, Object> s = new LinkedHashMap<>(r.settings());
        s.putAll(settings);
        return new EvaluationResults.Backend("sim", r.versions(), s);
    }

    /** {@code sim:} and a hash of the quantization settings: a checkpoint of other settings is another run's. */
    @Override
    public String identity() {
        return "sim:" + Sha256.of(Json.write(settings)).substring(0, 16);
    }

    @Override
    public void close() {
        ort.close();
    }
}
