package org.rdkzoo.evaluator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.evaluator.results.ResultsFixtures.image;
import static org.rdkzoo.evaluator.results.ResultsFixtures.results;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.compare.CompareFixtures;
import org.rdkzoo.evaluator.compare.CompareOptions;
import org.rdkzoo.evaluator.compare.Comparer;
import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.Threshold;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.results.LoadedResults;
import org.rdkzoo.evaluator.stats.Confidence;

class ComparisonReportsTest {
    static final String HOSTILE = "evil,\"<script>alert(1)</script>|`*x*`\u001b[31m.JPEG";

    private static Comparison tenImages() throws Exception {
        return CompareFixtures.tenImages(new Threshold(Threshold.Kind.ABSOLUTE, 1.0, Threshold.Rule.POINT));
    }

    static Comparison empty() throws Exception {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx").build());
        LoadedResults b = new LoadedResults("b.json", null, results("sim", "m_quantized_model.onnx").build());
        return Comparer.compare(a, b, new CompareOptions(false, new Threshold(Threshold.Kind.ABSOLUTE, 1.0,
                Threshold.Rule.POINT), Confidence.NINETY_FIVE), CompareFixtures.PROVENANCE);
    }

    /** One image with an id that tries to break every format: CSV, Markdown, HTML, the terminal. */
    static Comparison hostile() throws Exception {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx")
                .labelNames(List.of("<b>tench</b>", "gold|fish")).image(image(HOSTILE, 0, 0, .9f)).build());
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin")
                .labelNames(List.of("<b>tench</b>", "gold|fish")).image(image(HOSTILE, 0, 1, .7f)).build());
        return Comparer.compare(a, b, CompareOptions.defaults(), CompareFixtures.PROVENANCE);
    }

    private static String render(Comparison c, ReportFormat f) {
        return ComparisonReports.render(c, f, RenderOptions.defaults());
    }

    @Test
    void textShowsTheHandCountedFiguresInAlignedColumns() throws Exception {
        String text = render(tenImages(), ReportFormat.TEXT);
        // Wilson 8/10 = 49.02-94.33 and 6/10 = 31.27-83.18 (the usual textbook values).
        assertTrue(text.contains("\n  Top-1  80.00 (49.02-94.33)  60.00 (31.27-83.18)  -20.00 (-52.11 to +18.70)"
                + "           0.6250\n"), text);
        assertTrue(text.contains("\nAgreement: same top-1 class on 6 of 10 images (60.00%); top-5 overlap 92.00%.\n"),
                text);
        assertTrue(text.contains("\nFlips at Top-1: 3 right -> wrong, 1 wrong -> right (net -2).\n"), text);
        assertTrue(text.contains("\nVerdict: FAIL: Top-1 dropped by 20.00 points"), text);
        assertTrue(text.contains("\n      0  tench          2        2        0   -2         -100.00     2       0\n"),
                text);
        assertTrue(text.contains("\n  img0   0 tench     0 tench (0.900)     7 cock (0.600)\n"), text);
        assertTrue(text.contains("\nWrong -> right (1):\n"), text);
        assertTrue(text.chars().allMatch(ch -> ch < 128), "text is ASCII");
    }

    @Test
    void topLimitsTheListsAndSaysHowManyMore() throws Exception {
        String text = ComparisonReports.render(tenImages(), ReportFormat.TEXT, new RenderOptions(1, 0, null));
        assertTrue(text.contains("2 of 5 classes lost images, 1 gained; the 1 that lost most:"), text);
        assertTrue(text.contains("  2 more images not shown (--top 0 shows all; --format csv lists every image).\n"),
                text);
        assertFalse(text.contains("img1 "), text);
    }

    @Test
    void markdownHasPipeTablesAndTheVerdict() throws Exception {
        String md = render(tenImages(), ReportFormat.MD);
        assertTrue(md.contains("| Top-1 | 80.00 (49.02-94.33) | 60.00 (31.27-83.18) | -20.00 (-52.11 to +18.70) |"
                + " 0.6250 |\n"), md);
        assertTrue(md.contains("**Verdict**: FAIL: Top-1 dropped by 20.00 points"), md);
        assertTrue(md.contains("| img8 | 4 hammerhead | 9 ostrich (0.400) | 4 hammerhead (0.650) |"), md);
    }

    @Test
    void csvListsEveryPairedImage() throws Exception {
        String csv = render(tenImages(), ReportFormat.CSV);
        String[] lines = csv.split("\r\n");
        assertEquals(11, lines.length);
        assertEquals(String.join(",", ComparisonCsv.HEADER), lines[0]);
        assertEquals("img0,0,tench,lost,0,tench,0.9,true,7,cock,0.6,true", lines[1]);
        assertEquals("img8,4,hammerhead,gained,9,ostrich,0.4,false,4,hammerhead,0.65,true", lines[9]);
    }

    @Test
    void csvWritesUnknownClassNamesAsEmptyFields() throws Exception {
        LoadedResults a = new LoadedResults("a.json", null, results("onnxruntime", "m.onnx")
                .image(image("x", 3, 3, .9f)).build());
        LoadedResults b = new LoadedResults("b.json", null, results("bpu", "m.bin").image(image("x", 3, 4, .6f)).build());
        String csv = render(Comparer.compare(a, b, CompareOptions.defaults(), CompareFixtures.PROVENANCE),
                ReportFormat.CSV);
        assertEquals("x,3,,lost,3,,0.9,true,4,,0.6,false", csv.split("\r\n")[1]);
    }

    @Test
    void jsonHoldsEverythingWithNumbersAsFractions() throws Exception {
        JsonNode j = Json.mapper().readTree(render(tenImages(), ReportFormat.JSON));
        assertEquals(Comparison.FORMAT, j.get("format").asText());
        assertEquals(0.8, j.at("/top1/a/value").asDouble());
        assertEquals(0.625, j.at("/top1/mcnemar/pValue").asDouble());
        assertEquals(-0.2, j.at("/top1/delta/value").asDouble(), 1e-15);
        assertEquals("FAIL", j.at("/verdict/status").asText());
        assertEquals(20.0, j.at("/verdict/dropPoints").asDouble(), 1e-12);
        assertEquals(3, j.get("lost").size());
        assertEquals(10, j.get("images").size());
        assertEquals("cock", j.at("/lost/0/bTop1Name").asText());
        assertEquals("float.json", j.at("/provenance/inputs/0/path").asText());
        assertEquals("1.24.5", j.at("/b/backend/versions/libdnn").asText());
    }

    @Test
    void emptyComparisonRendersEveryFormatWithUndefinedFigures() throws Exception {
        Comparison c = empty();
        String text = render(c, ReportFormat.TEXT);
        assertTrue(text.contains("\n  Top-1  n/a  n/a  n/a                         n/a\n"), text);
        assertTrue(text.contains("Verdict: UNDETERMINED: no paired images"), text);
        assertTrue(text.contains("Agreement: no paired images."), text);
        JsonNode j = Json.mapper().readTree(render(c, ReportFormat.JSON));
        assertTrue(j.at("/top1/a/value").isNull(), "NaN is written as null, not as a string");
        assertTrue(j.at("/top1/mcnemar/pValue").isNull());
        assertTrue(j.at("/top1/delta/interval/lower").isNull());
        assertEquals(String.join(",", ComparisonCsv.HEADER) + "\r\n", render(c, ReportFormat.CSV));
        assertTrue(render(c, ReportFormat.MD).contains("None."));
        assertTrue(render(c, ReportFormat.HTML).contains("No image flipped."));
    }

    @Test
    void hostileIdsCannotBreakAnyFormat() throws Exception {
        Comparison c = hostile();
        String text = render(c, ReportFormat.TEXT);
        assertFalse(text.contains("\u001b"), "escape character masked in text");
        assertTrue(text.contains("</script>|`*x*`?[31m.JPEG"), text);

        String md = render(c, ReportFormat.MD);
        assertTrue(md.contains("| evil,\"&lt;script>alert(1)&lt;/script>\\|\\`\\*x\\*\\`?\\[31m.JPEG | 0 &lt;b>tench&lt;/b> |"),
                md);

        String csv = render(c, ReportFormat.CSV);
        assertTrue(csv.contains("\r\n\"evil,\"\"<script>alert(1)</script>|`*x*`\u001b[31m.JPEG\",0,<b>tench</b>,lost,"),
                csv);

        String html = render(c, ReportFormat.HTML);
        assertFalse(html.contains("<script>alert"), "no raw markup from data");
        assertFalse(html.contains("<b>tench"), "no raw markup from class names");
        assertTrue(html.contains("evil,&quot;&lt;script&gt;alert(1)&lt;/script&gt;|`*x*`&#xfffd;[31m.JPEG"), html);
        assertTrue(html.contains("&lt;b&gt;tench&lt;/b&gt;"), html);
    }

    @Test
    void htmlIsOneAsciiFileThatCannotReachTheNetwork() throws Exception {
        String html = render(tenImages(), ReportFormat.HTML);
        assertTrue(html.chars().allMatch(ch -> ch < 128), "non-ASCII is written as character references");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src"
                + " data:; style-src " + Html.cspHash(Html.STYLE) + "; script-src " + Html.cspHash(ComparisonHtml.SCRIPT)
                + "\">"), html.substring(0, 600));
        // The only URL is the SVG namespace, which is a name, not a fetch.
        assertEquals(html.split("http://www.w3.org/2000/svg", -1).length - 1,
                html.split("https?://", -1).length - 1, "no link, stylesheet, font or script URL");
        assertFalse(html.contains(" src=\"http"));
        for (String id : List.of("interval-chart", "delta-chart", "class-delta-chart", "flip-confidence-chart",
                "provenance-table", "gallery-lost", "gallery-gained", "flip-filter")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
    }
}
