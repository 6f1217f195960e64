package org.rdkzoo.evaluator.report;

import java.util.List;

import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.stats.Interval;

/**
 * The zoo's table for every evaluated model, measured, beside the zoo's published figures. Percent and
 * points throughout (76.50, -3.25), like the zoo's README; undefined figures are {@code NaN} (JSON
 * {@code null}). One row per model and quantized backend: a model with a board result and a simulated one
 * gets a {@code bpu} row and a {@code sim} row, never one row mixing them.
 *
 * @param format     {@link #FORMAT}
 * @param confidence the level of every interval
 * @param rows       one per model and quantized backend, by model then backend ({@code bpu} first)
 * @param notes      what a reader must know (unpaired deltas, params not counted, simulated rows)
 * @param provenance the report's own provenance; its inputs are every results and bench file
 */
public record ZooReport(String format, double confidence, List<Row> rows, List<String> notes, Provenance provenance) {
    public static final String FORMAT = "rdkzoo.report/1";

    public ZooReport {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * @param model      the model's name: its catalog id, else its file stem
     * @param key        the normalised key the rows were grouped by
     * @param backend    the quantized side's backend ({@code bpu}, {@code sim}), {@code null} for a float-only row
     * @param simulated  true for {@code sim}: int8 simulation on the PC, never a board figure
     * @param inputSize  the network input, {@code WxH}
     * @param classes    output classes of the model
     * @param params     parameters counted from the float ONNX graph, {@code null} when not counted
     * @param floatRun   the float result ({@code onnxruntime}), {@code null} when none
     * @param quantRun   the quantized result, {@code null} when none
     * @param delta      quantized minus float Top-1, {@code null} unless both exist
     * @param bench      the board's latency and FPS ({@code bpu} rows only), {@code null} when none
     * @param published  the zoo's figures for this model, {@code null} when the catalog has none
     */
    public record Row(String model, String key, String backend, boolean simulated, String inputSize, Integer classes,
            Long params, Run floatRun, Run quantRun, Delta delta, Bench bench, PublishedFigures published) {
    }

    /**
     * One results file's figures.
     *
     * @param file          the results file as given
     * @param backend       its backend kind
     * @param modelFile     the model file name
     * @param modelSha256   the model's hash
     * @param dataset       the dataset id
     * @param images        images evaluated
     * @param top1Correct   right at Top-1
     * @param top1Percent   Top-1 in percent
     * @param top1Interval  its Wilson interval, percent
     * @param top5Percent   Top-5 in percent
     */
    public record Run(String file, String backend, String modelFile, String modelSha256, String dataset, int images,
            int top1Correct, double top1Percent, Interval top1Interval, double top5Percent) {
    }

    /**
     * Quantized minus float Top-1.
     *
     * @param points   the difference in points
     * @param interval its interval, points
     * @param paired   true when both ran on the same images (paired interval, McNemar); false when they
     *                 could not be paired (different subsets: the wider independent-samples interval)
     * @param images   images paired ({@code paired}), else the smaller of the two runs
     * @param method   the interval's method
     * @param pValue   McNemar's exact p-value when paired, NaN otherwise
     */
    public record Delta(double points, Interval interval, boolean paired, int images, String method, double pValue) {
    }

    /**
     * The board's speed, from {@code bench}.
     *
     * @param file                 the bench file as given
     * @param latency1ThreadMs     single-thread mean latency per frame
     * @param latencyMultiThreadMs multi-thread mean latency per frame, NaN when not measured
     * @param threads              threads of the multi-thread run, {@code null} when not measured
     * @param fps                  frames per second with the most threads measured (single-thread FPS when
     *                             there was no multi-thread run, NaN when no FPS was measured)
     * @param libdnnVersion        the libdnn that ran it
     */
    public record Bench(String file, double latency1ThreadMs, double latencyMultiThreadMs, Integer threads, double fps,
            String libdnnVersion) {
    }
}
