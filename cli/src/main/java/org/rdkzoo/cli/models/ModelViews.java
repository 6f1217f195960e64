package org.rdkzoo.cli.models;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rdkzoo.downloader.cache.ArtifactState;
import org.rdkzoo.downloader.cache.ManifestEntry;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.catalog.Artifact;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.PublishedFigures;

/** How catalog entries and their cache state are shown: table rows and JSON objects. */
final class ModelViews {
    /** The zoo README's columns, plus what the cache holds. */
    static final List<String> HEADER = List.of("Family", "Model", "Size", "Classes", "Params(M)", "Float Top-1",
            "Quant Top-1", "Latency 1T(ms)", "Latency MT(ms)", "FPS", "Cached");
    static final List<String> CSV_HEADER = List.of("family", "id", "model", "size", "classes", "params_m", "float_top1",
            "quant_top1", "latency_1t_ms", "latency_mt_ms", "fps", "cached", "bin", "onnx");

    private ModelViews() {
    }

    static List<String> row(CatalogEntry e, String cached) {
        PublishedFigures f = e.figures();
        return List.of(e.family(), e.name(), e.inputSize(), Integer.toString(e.classes()), text(f.paramsM()),
                text(f.floatTop1()), text(f.quantTop1()), text(f.latency1tMs()), text(f.latencyMtMs()), text(f.fps()),
                cached);
    }

    static List<String> csvRow(CatalogEntry e, String cached) {
        PublishedFigures f = e.figures();
        return List.of(e.family(), e.id(), e.name(), e.inputSize(), Integer.toString(e.classes()), text(f.paramsM()),
                text(f.floatTop1()), text(f.quantTop1()), text(f.latency1tMs()), text(f.latencyMtMs()), text(f.fps()),
                cached, e.binFile().orElse(""), e.onnxFile().orElse(""));
    }

    private static String text(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    /** "bin", "bin,onnx", "-": which artifacts are usable from the cache; "partial" marks a resumable one. */
    static String cached(CatalogEntry e, ModelCache cache, Map<String, ManifestEntry> manifest) throws IOException {
        List<String> parts = new ArrayList<>();
        for (Artifact a : e.artifacts()) {
            ArtifactState s = cache.state(a, manifest);
            if (s.usable()) {
                parts.add(a.format().id());
            } else if (s.partialBytes() > 0) {
                parts.add(a.format().id() + " (partial)");
            }
        }
        return parts.isEmpty() ? "-" : String.join(",", parts);
    }

    /** Every catalog field of an entry, snake_case, for JSON. */
    static Map<String, Object> json(CatalogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("family", e.family());
        m.put("model", e.name());
        m.put("stem", e.stem());
        m.put("input", e.inputSize());
        m.put("classes", e.classes());
        m.put("source", e.source());
        PublishedFigures f = e.figures();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("params_m", f.paramsM());
        figures.put("float_top1", f.floatTop1());
        figures.put("quant_top1", f.quantTop1());
        figures.put("latency_1t_ms", f.latency1tMs());
        figures.put("latency_mt_ms", f.latencyMtMs());
        figures.put("fps", f.fps());
        m.put("published", figures);
        m.put("bin", e.bin() == null ? null : artifact(e.bin()));
        m.put("onnx", e.onnx() == null ? null : artifact(e.onnx()));
        m.put("notes", e.notes());
        m.put("defined_in", e.origin());
        return m;
    }

    static Map<String, Object> artifact(Artifact a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", a.file());
        m.put("urls", a.urls().stream().map(Object::toString).toList());
        m.put("sha256", a.sha256());
        m.put("size", a.size());
        m.put("note", a.note());
        return m;
    }
}
