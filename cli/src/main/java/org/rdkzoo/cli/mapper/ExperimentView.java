package org.rdkzoo.cli.mapper;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.rdkzoo.cli.TextTable;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;
import org.rdkzoo.mapperconfigs.experiments.Artifact;
import org.rdkzoo.mapperconfigs.experiments.Experiment;

/** How an experiment reads in the terminal ({@code mapper build}, {@code experiments show}). */
public final class ExperimentView {
    /** rdk_doc: an output cosine below this means the quantization likely lost accuracy. */
    static final double COSINE_GUIDANCE = 0.99;

    private ExperimentView() {
    }

    public static String cos(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.6f", v);
    }

    public static String settings(Map<String, String> s) {
        return s.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    public static void print(PrintWriter out, Experiment e, int worst, boolean allLayers) {
        out.println("experiment  " + e.id() + (e.label() == null ? "" : "  (" + e.label() + ")"));
        out.println("status      " + e.status().label() + (e.message() == null ? "" : ": " + e.message()));
        if (e.seconds() != null) {
            out.println(String.format(Locale.ROOT, "time        %s, %.1f s", e.provenance().started(), e.seconds()));
        }
        out.println("model       " + e.model().path() + "  sha256 " + abbreviate(e.model().sha256()));
        out.println("config      " + e.config().source() + "  sha256 " + abbreviate(e.config().sourceSha256())
                + "  content " + abbreviate(e.config().hash()));
        out.println("settings    " + settings(e.keySettings()) + (e.sweep().isEmpty() ? "" : "  (sweep: "
                + settings(e.sweep()) + ")"));
        if (e.calibration() != null) {
            out.println("calibration " + e.calibration().dir() + "  " + e.calibration().files() + " files  "
                    + e.calibration().basis() + " sha256 " + abbreviate(e.calibration().sha256())
                    + (e.log() != null && e.log().calibrationMethod() != null
                            ? "  (default search selected " + e.log().calibrationMethod() + ")" : ""));
        }
        Map<String, String> d = e.toolchain().details();
        out.println("toolchain   " + e.toolchain().kind() + "  " + (d.containsKey("image") ? d.get("image")
                + (d.containsKey("imageId") ? " " + abbreviate(d.get("imageId")) : "") : d.getOrDefault("hb_mapper", ""))
                + "  " + settings(e.toolchain().versions()));
        out.println();
        if (!e.outputs().isEmpty()) {
            TextTable t = new TextTable("output", "cosine", "L1", "L2", "Chebyshev");
            for (OutputSimilarity o : e.outputs()) {
                t.row(o.output(), cos(o.cosine()), cos(o.l1()), cos(o.l2()), cos(o.chebyshev()));
            }
            t.print(out);
            e.outputCosine().ifPresent(c -> {
                if (c < COSINE_GUIDANCE) {
                    out.println(String.format(Locale.ROOT, "note: output cosine %.4f is below %.2f: expect an accuracy "
                            + "loss; try kl/max calibration, max_percentile, per_channel or int16 nodes", c, COSINE_GUIDANCE));
                }
            });
            out.println();
        }
        List<LayerSimilarity> layers = allLayers ? e.layers() : e.similarity().worstLayers(worst);
        if (!layers.isEmpty()) {
            out.println(allLayers ? "layers (" + layers.size() + "):" : "worst layers (of " + e.layers().size() + "):");
            TextTable t = new TextTable("node", "on", "subgraph", "type", "cosine", "threshold", "data type");
            for (LayerSimilarity l : layers) {
                t.row(l.node(), l.on(), l.subgraph(), l.type(), cos(l.cosine()),
                        l.threshold() == null ? null : String.valueOf(l.threshold()), l.dataType());
            }
            t.print(out);
            out.println();
        }
        if (!e.artifacts().isEmpty()) {
            TextTable t = new TextTable("artifact", "bytes", "sha256");
            for (Artifact a : e.artifacts()) {
                t.row(a.file(), a.bytes(), a.sha256());
            }
            t.print(out);
        }
        if (e.log() != null && !e.log().errors().isEmpty()) {
            out.println("errors in the log:");
            e.log().errors().forEach(x -> out.println("  " + x));
        }
        out.flush();
    }

    static String abbreviate(String hash) {
        return hash == null ? "-" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
