package org.rdkzoo.evaluator.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.similarity.SimilarityTable;

/**
 * The file {@code rdkzoo sim --report} writes: the per-layer table (a {@link SimilarityTable} with source
 * {@code sim}, which {@code experiments diff} sets beside an experiment's), each tensor's quantization, the
 * default search, the sensitivity ranking and the int16 search, with provenance.
 *
 * @param format      {@link #FORMAT}
 * @param model       the float model
 * @param calibration the calibration data
 * @param settings    the quantization settings used (after the default search)
 * @param search      the default search, when {@code calibration_type} was {@code default}
 * @param table       the per-layer and per-output table
 * @param activations each activation's quantization
 * @param sensitivity the ranking, when asked for
 * @param int16Search the {@code --max-drop} search, when asked for
 * @param provenance  rdkzoo version, host, times, command line
 */
public record SimReport(String format, Model model, Calibration calibration, Map<String, Object> settings,
        Search search, SimilarityTable table, List<SimModel.ActivationQuant> activations,
        Sensitivity.Result sensitivity, Int16Search.Result int16Search, Provenance provenance) {

    public static final String FORMAT = "rdkzoo.sim-report/1";

    /**
     * @param path           the float model file as given
     * @param sha256         its SHA-256
     * @param quantizedNodes nodes the simulation quantizes
     * @param weights        weights quantized
     */
    public record Model(String path, String sha256, int quantizedNodes, int weights) {
    }

    /**
     * @param source        the calibration folder
     * @param samples       samples calibrated on
     * @param reportSamples samples the per-layer table compares on
     * @param searchSamples samples the default search and the sensitivity score on
     */
    public record Calibration(String source, int samples, int reportSamples, int searchSamples) {
    }

    /** The default search: every candidate tried, the chosen one, and hb_mapper's wording of the choice. */
    public record Search(List<DefaultSearch.Candidate> candidates, int chosen, boolean reached, String selection) {
        public static Search of(DefaultSearch.Result r) {
            return new Search(r.candidates(), r.chosen(), r.reached(), r.selection());
        }
    }

    /**
     * Reads a report.
     *
     * @throws InvalidInputException when the file is not a simulation report
     */
    public static SimReport read(Path file) throws IOException {
        SimReport r = Json.read(file, SimReport.class);
        if (!FORMAT.equals(r.format()) || r.table() == null) {
            throw new InvalidInputException(file + " is not an rdkzoo simulation report (format " + r.format()
                    + ", expected " + FORMAT + "); write one with rdkzoo sim --report");
        }
        return r;
    }

    public void write(Path file) throws IOException {
        Json.writeAtomically(file, this);
    }
}
