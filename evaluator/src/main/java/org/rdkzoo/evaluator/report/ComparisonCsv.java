package org.rdkzoo.evaluator.report;

import java.util.List;
import java.util.Locale;

import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.Comparison.PairedImage;

/** One row per paired image; filter on {@code change} for the flips. */
final class ComparisonCsv {
    static final List<String> HEADER = List.of("id", "label", "label_name", "change", "a_top1", "a_top1_name",
            "a_score", "a_top5", "b_top1", "b_top1_name", "b_score", "b_top5");

    private ComparisonCsv() {
    }

    static String render(Comparison c) {
        Csv csv = new Csv().row(HEADER);
        for (PairedImage p : c.images()) {
            csv.row(p.id(), Integer.toString(p.label()), p.labelName(), p.change().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), Integer.toString(p.aTop1()), p.aTop1Name(), Numbers.csv(p.aScore()),
                    Boolean.toString(p.aTop5()), Integer.toString(p.bTop1()), p.bTop1Name(), Numbers.csv(p.bScore()),
                    Boolean.toString(p.bTop5()));
        }
        return csv.toString();
    }
}
