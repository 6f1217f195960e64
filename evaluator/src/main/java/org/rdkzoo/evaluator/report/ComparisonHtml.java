package org.rdkzoo.evaluator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.Comparison.ClassDelta;
import org.rdkzoo.evaluator.compare.Comparison.PairedImage;
import org.rdkzoo.evaluator.provenance.Provenance;
import org.rdkzoo.evaluator.results.EvaluationResults;

/**
 * The comparison as one self-contained HTML page: summary, verdict, interval charts, per-class bars,
 * the confidence of flipped images, a gallery of flipped images and the provenance of both runs. No
 * network: a Content-Security-Policy allows only the page's own style and script (by hash) and
 * {@code data:} images. The page's script adds the gallery filter; everything else is static.
 */
final class ComparisonHtml {
    /** Filters the gallery by id or class; marks the body so a test can tell the script ran. */
    static final String SCRIPT = String.join("\n",
            "(function () {",
            "  'use strict';",
            "  var host = document.getElementById('flip-filter');",
            "  if (!host) { return; }",
            "  var figures = Array.prototype.slice.call(document.querySelectorAll('figure.flip'));",
            "  var label = document.createElement('label');",
            "  label.textContent = 'Filter flipped images by id or class: ';",
            "  var input = document.createElement('input');",
            "  input.type = 'search';",
            "  input.id = 'flip-filter-input';",
            "  label.appendChild(input);",
            "  var count = document.createElement('span');",
            "  count.id = 'flip-filter-count';",
            "  host.appendChild(label);",
            "  host.appendChild(count);",
            "  function update() {",
            "    var q = input.value.trim().toLowerCase();",
            "    var shown = 0;",
            "    figures.forEach(function (f) {",
            "      var hit = !q || f.getAttribute('data-search').indexOf(q) >= 0;",
            "      f.hidden = !hit;",
            "      if (hit) { shown++; }",
            "    });",
            "    count.textContent = ' ' + shown + ' of ' + figures.length + ' shown';",
            "  }",
            "  input.addEventListener('input', update);",
            "  update();",
            "  document.body.setAttribute('data-script', 'ran');",
            "})();");

    private ComparisonHtml() {
    }

    static String render(Comparison c, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        out.append(Html.head("rdkzoo compare: " + c.a().label() + " vs " + c.b().label(), Html.STYLE, SCRIPT));
        out.append("<body>\n<header><h1>rdkzoo compare</h1><p class=\"sub\">")
                .append(Html.escape(ComparisonTables.headline(c))).append("</p></header>\n");
        String status = c.verdict().status().name().toLowerCase(Locale.ROOT);
        out.append("<section id=\"verdict\" class=\"verdict ").append(status).append("\">")
                .append(Html.escape(c.verdict().summary())).append("</section>\n");
        runs(out, c);
        accuracy(out, c);
        classes(out, c, options);
        confidence(out, c);
        gallery(out, c, options);
        provenance(out, c);
        Provenance p = c.provenance();
        out.append("<footer class=\"note\"><p>Made by rdkzoo ").append(Html.escape(p.rdkzooVersion())).append(" on ")
                .append(Html.escape(p.host())).append(" at ").append(Html.escape(p.started()))
                .append(". Every figure above is computed from the two results files named in the provenance.</p></footer>\n");
        out.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void runs(StringBuilder out, Comparison c) {
        out.append("<section id=\"runs\"><h2>Runs</h2>\n<table id=\"runs-table\">\n");
        for (Comparison.Side s : List.of(c.a(), c.b())) {
            out.append("<tr><th>").append(s.name()).append("</th><td").append(s.simulated() ? " class=\"sim\"" : "")
                    .append('>').append(Html.escape(ComparisonTables.sideLabel(s))).append("</td><td class=\"mono\">")
                    .append(Html.escape(s.file())).append("</td></tr>\n");
        }
        out.append("</table>\n<p>").append(Html.escape(ComparisonTables.differences(c))).append("</p>\n");
        String pairing = ComparisonTables.pairingNote(c);
        if (pairing != null) {
            out.append("<p>").append(Html.escape(pairing)).append("</p>\n");
        }
        out.append("</section>\n");
    }

    private static void accuracy(StringBuilder out, Comparison c) {
        out.append("<section id=\"accuracy\"><h2>Accuracy</h2>\n");
        table(out, "accuracy-table", ComparisonTables.accuracy(c));
        out.append("<p class=\"note\">").append(Html.escape(ComparisonTables.accuracyNote(c))).append(' ')
                .append(Html.escape(ComparisonTables.agreement(c))).append(' ')
                .append(Html.escape(ComparisonTables.flipsSummary(c))).append("</p>\n");
        List<Svg.Range> rates = new ArrayList<>();
        double lo = 100;
        double hi = 0;
        for (String m : List.of("Top-1", "Top-5")) {
            Comparison.Accuracy acc = m.equals("Top-1") ? c.top1() : c.top5();
            for (Comparison.Rate r : List.of(acc.a(), acc.b())) {
                String side = r == acc.a() ? "A" : "B";
                rates.add(new Svg.Range(m + " " + side, r.value() * 100, r.interval().lower() * 100,
                        r.interval().upper() * 100, Double.NaN, m + " of " + side + ": " + Numbers.rate(r.value(),
                                r.interval()) + "%"));
                if (r.interval().defined()) {
                    lo = Math.min(lo, r.interval().lower() * 100);
                    hi = Math.max(hi, r.interval().upper() * 100);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 100;
        }
        lo = Math.max(0, Math.floor(lo / 5) * 5);
        hi = Math.min(100, Math.ceil(hi / 5) * 5);
        out.append(Svg.ranges("interval-chart", "Top-1 and Top-5 of A and B with 95% intervals (%)", rates, lo,
                hi == lo ? lo + 5 : hi, Double.NaN, "", false));
        List<Svg.Range> deltas = new ArrayList<>();
        double span = 1;
        for (String m : List.of("Top-1", "Top-5")) {
            Comparison.Delta d = (m.equals("Top-1") ? c.top1() : c.top5()).delta();
            deltas.add(new Svg.Range(m + " B - A", d.value() * 100, d.interval().lower() * 100,
                    d.interval().upper() * 100, Double.NaN, m + " B - A: " + Numbers.delta(d.value(), d.interval())
                            + " points"));
            if (d.interval().defined()) {
                span = Math.max(span, Math.max(Math.abs(d.interval().lower()), Math.abs(d.interval().upper())) * 100);
            }
        }
        double limit = Double.isNaN(c.verdict().allowedPoints()) ? Double.NaN : -c.verdict().allowedPoints();
        if (!Double.isNaN(limit)) {
            span = Math.max(span, Math.abs(limit));
        }
        span = Math.ceil(span);
        out.append(Svg.ranges("delta-chart", "Change B - A in points with 95% paired intervals", deltas, -span, span,
                limit, "allowed drop: " + Numbers.decimal(-limit, 2) + " points", true));
        out.append("</section>\n");
    }

    private static void classes(StringBuilder out, Comparison c, RenderOptions options) {
        out.append("<section id=\"classes\"><h2>Per-class change</h2>\n");
        List<ClassDelta> changed = c.classes().stream().filter(d -> d.net() != 0).toList();
        if (changed.isEmpty()) {
            out.append("<p>No class changed its count of right images.</p>\n");
        } else {
            List<ClassDelta> losing = changed.stream().filter(d -> d.net() < 0).toList();
            List<ClassDelta> gaining = changed.stream().filter(d -> d.net() > 0).toList();
            List<ClassDelta> shown = new ArrayList<>(losing.subList(0, options.limit(losing.size())));
            // Gains last, best at the bottom, so the chart reads from the worst loss to the best gain.
            List<ClassDelta> best = gaining.subList(Math.max(0, gaining.size() - options.limit(gaining.size())),
                    gaining.size());
            shown.addAll(best);
            List<Svg.Bar> bars = new ArrayList<>();
            for (ClassDelta d : shown) {
                String name = ComparisonTables.labelled(d.label(), d.name());
                bars.add(new Svg.Bar(name.length() > 32 ? name.substring(0, 31) + "..." : name, d.net(), name + ": "
                        + d.aCorrect() + " -> " + d.bCorrect() + " right of " + d.images() + " (lost " + d.lost()
                        + ", gained " + d.gained() + ")"));
            }
            out.append("<p class=\"note\">Net change in right images per class (B - A), ").append(losing.size())
                    .append(" classes lost, ").append(gaining.size()).append(" gained").append(shown.size()
                            < changed.size() ? "; the " + shown.size() + " largest changes are drawn" : "")
                    .append(".</p>\n");
            out.append(Svg.bars("class-delta-chart", "Net change of right images per class, B - A", bars, ""));
        }
        ComparisonTables.Table t = ComparisonTables.lostClasses(c, options);
        out.append("<p>").append(Html.escape(ComparisonTables.classesNote(c, t))).append("</p>\n");
        if (!t.rows().isEmpty()) {
            table(out, "class-table", t);
        }
        out.append("</section>\n");
    }

    private static void confidence(StringBuilder out, Comparison c) {
        out.append("<section id=\"confidence\"><h2>Confidence of flipped images</h2>\n");
        if (c.lost().isEmpty() && c.gained().isEmpty()) {
            out.append("<p>No image flipped.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"note\">Top-1 score of each flipped image on both sides (blue: A, red: B). Confident"
                + " losses (a high A score) point to a real regression; losses near the decision boundary to noise.</p>\n");
        List<Svg.Strip> strips = new ArrayList<>();
        strips.add(strip("right -> wrong, A", "dot-a", c.lost(), PairedImage::aScore, p -> p.aTop1Name()));
        strips.add(strip("right -> wrong, B", "dot-b", c.lost(), PairedImage::bScore, p -> p.bTop1Name()));
        strips.add(strip("wrong -> right, A", "dot-a", c.gained(), PairedImage::aScore, p -> p.aTop1Name()));
        strips.add(strip("wrong -> right, B", "dot-b", c.gained(), PairedImage::bScore, p -> p.bTop1Name()));
        out.append(Svg.strips("flip-confidence-chart", "Top-1 scores of flipped images", strips));
        out.append("</section>\n");
    }

    private static Svg.Strip strip(String label, String css, List<PairedImage> flips, Function<PairedImage, Float> score,
            Function<PairedImage, String> name) {
        List<Double> values = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (PairedImage p : flips) {
            float s = score.apply(p);
            if (!Float.isNaN(s)) {
                values.add((double) Math.max(0, Math.min(1, s)));
                titles.add(p.id() + ": " + Numbers.score(s) + (name.apply(p) == null ? "" : " " + name.apply(p)));
            }
        }
        return new Svg.Strip(label, css, values, titles);
    }

    private static void gallery(StringBuilder out, Comparison c, RenderOptions options) {
        out.append("<section id=\"flips\"><h2>Flipped images</h2>\n<div id=\"flip-filter\"></div>\n");
        galleryOf(out, "lost", "Right &rarr; wrong", c.lost(), options);
        galleryOf(out, "gained", "Wrong &rarr; right", c.gained(), options);
        out.append("</section>\n");
    }

    private static void galleryOf(StringBuilder out, String kind, String title, List<PairedImage> flips,
            RenderOptions options) {
        out.append("<h3>").append(title).append(" (").append(flips.size()).append(")</h3>\n");
        int shown = Math.min(options.gallery(), flips.size());
        out.append("<div class=\"gallery\" id=\"gallery-").append(kind).append("\">\n");
        for (PairedImage p : flips.subList(0, shown)) {
            String a = ComparisonTables.labelled(p.aTop1(), p.aTop1Name());
            String b = ComparisonTables.labelled(p.bTop1(), p.bTop1Name());
            String label = ComparisonTables.labelled(p.label(), p.labelName());
            String search = (p.id() + " " + label + " " + a + " " + b).toLowerCase(Locale.ROOT);
            out.append("<figure class=\"flip ").append(kind).append("\" data-search=\"").append(Html.escape(search))
                    .append("\">");
            Optional<String> uri = options.thumbnails().dataUri(p.id());
            if (uri.isPresent() && uri.get().startsWith("data:image/")) {
                out.append("<img src=\"").append(Html.escape(uri.get())).append("\" alt=\"").append(Html.escape(p.id()))
                        .append("\">");
            } else {
                out.append("<div class=\"placeholder mono\">").append(Html.escape(p.id())).append("</div>");
            }
            out.append("<figcaption><span class=\"mono\">").append(Html.escape(p.id())).append("</span>class ")
                    .append(Html.escape(label)).append("<br><span class=\"was\">A: ").append(Html.escape(a)).append(" (")
                    .append(Numbers.score(p.aScore())).append(")</span><br><span class=\"now\">B: ")
                    .append(Html.escape(b)).append(" (").append(Numbers.score(p.bScore())).append(")</span>")
                    .append("</figcaption></figure>\n");
        }
        out.append("</div>\n");
        if (shown < flips.size()) {
            out.append("<p class=\"note\">").append(flips.size() - shown).append(" more not shown; the CSV format lists"
                    + " every image.</p>\n");
        }
    }

    private static void provenance(StringBuilder out, Comparison c) {
        out.append("<section id=\"provenance\"><h2>Provenance</h2>\n<table id=\"provenance-table\" class=\"wide\">\n"
                + "<thead><tr><th></th><th>A</th><th>B</th></tr></thead>\n<tbody>\n");
        Map<String, Function<Comparison.Side, String>> fields = new java.util.LinkedHashMap<>();
        fields.put("results file", Comparison.Side::file);
        fields.put("results sha256", Comparison.Side::fileSha256);
        fields.put("backend", s -> s.backend() == null ? null : s.backend().kind());
        fields.put("backend versions", s -> s.backend() == null ? null : String.valueOf(s.backend().versions()));
        fields.put("backend settings", s -> s.backend() == null ? null : String.valueOf(s.backend().settings()));
        fields.put("model", s -> s.model() == null ? null : s.model().path());
        fields.put("model sha256", s -> s.model() == null ? null : s.model().sha256());
        fields.put("catalog id", s -> s.model() == null ? null : s.model().catalogId());
        fields.put("model input", s -> s.model() == null ? null : s.model().inputName() + " " + s.model().inputShape());
        fields.put("dataset", s -> dataset(s, d -> d.id() + " (" + d.layout() + ", " + d.totalImages() + " images)"));
        fields.put("dataset root", s -> dataset(s, EvaluationResults.Dataset::root));
        fields.put("dataset manifest sha256", s -> dataset(s, EvaluationResults.Dataset::manifestSha256));
        fields.put("subset", s -> dataset(s, d -> d.subset() == null ? "whole dataset" : String.valueOf(d.subset())));
        fields.put("image ids sha256", s -> dataset(s, EvaluationResults.Dataset::imageIdsSha256));
        fields.put("label map", s -> dataset(s, d -> d.labels() == null ? null : d.labels().source() + " (offset "
                + d.labels().offset() + ", " + d.labels().classes() + " classes)"));
        fields.put("preprocessing", s -> s.preprocessing() == null ? null : String.valueOf(s.preprocessing()));
        fields.put("images, failures", s -> s.imagesInFile() + " evaluated, " + s.failures() + " failed");
        fields.put("rdkzoo", s -> prov(s, Provenance::rdkzooVersion));
        fields.put("host", s -> prov(s, p -> p.host() + " (" + p.os() + ", " + p.arch() + ")"));
        fields.put("java", s -> prov(s, Provenance::jvm));
        fields.put("started", s -> prov(s, Provenance::started));
        fields.put("finished", s -> prov(s, Provenance::finished));
        fields.put("command line", s -> prov(s, p -> String.join(" ", p.commandLine())));
        fields.put("versions", s -> prov(s, p -> String.valueOf(p.versions())));
        fields.forEach((name, f) -> out.append(Html.row(name, orEmpty(f.apply(c.a())), orEmpty(f.apply(c.b())))));
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private static String dataset(Comparison.Side s, Function<EvaluationResults.Dataset, String> f) {
        return s.dataset() == null ? null : f.apply(s.dataset());
    }

    private static String prov(Comparison.Side s, Function<Provenance, String> f) {
        return s.provenance() == null ? null : f.apply(s.provenance());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static void table(StringBuilder out, String id, ComparisonTables.Table t) {
        out.append("<table id=\"").append(id).append("\">\n<thead><tr>");
        List<Boolean> right = new ArrayList<>();
        for (String h : t.headers()) {
            boolean r = h.startsWith(">");
            right.add(r);
            out.append(r ? "<th class=\"num\">" : "<th>").append(Html.escape(r ? h.substring(1) : h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(right.get(i) ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
