package org.rdkzoo.evaluator.report;

import java.util.List;

import org.rdkzoo.evaluator.results.LoadedBench;
import org.rdkzoo.evaluator.results.LoadedResults;

/**
 * What a zoo report is made from.
 *
 * @param results   every results file given
 * @param bench     bench results ({@code --bench})
 * @param published the zoo's published figures, from the catalog (may be empty)
 * @param pairs     explicit float/quantized pairs ({@code --pair FLOAT.json=QUANT.json}), by file as given
 */
public record ReportInputs(List<LoadedResults> results, List<LoadedBench> bench, List<PublishedFigures> published,
        List<Pair> pairs) {
    public ReportInputs {
        results = List.copyOf(results);
        bench = bench == null ? List.of() : List.copyOf(bench);
        published = published == null ? List.of() : List.copyOf(published);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** Two results files that are the float and the quantized run of one model, as the user says. */
    public record Pair(String floatFile, String quantFile) {
    }
}
