package org.rdkzoo.evaluator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.evaluator.compare.CompareFixtures;
import org.rdkzoo.evaluator.compare.Comparison;
import org.rdkzoo.evaluator.compare.Threshold;

/**
 * The HTML reports in a real browser (headless Chromium over the DevTools protocol): each page loads
 * with no script exception, console error or CSP violation, requests nothing but itself and its
 * {@code data:} images, and the rendered DOM holds the charts and rows, including what the page's own
 * script builds. Skipped, with the reason, when Chromium is not installed ({@code .ci/run} installs it).
 */
class HtmlReportsInBrowserTest {
    @TempDir
    static Path dir;

    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws IOException, InterruptedException {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium not found on PATH: skipping the HTML report browser tests (apt-get install chromium)");
        browser = HeadlessChromium.launch(chromium.get(), dir.resolve("profile"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static HeadlessChromium.Page open(String name, String html) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.writeString(file, html);
        HeadlessChromium.Page page = browser.load(file);
        assertEquals(List.of(), page.errors(), "no exception, console error or CSP violation");
        for (String url : page.requests()) {
            assertTrue(url.equals(file.toUri().toString()) || url.startsWith("data:image/"),
                    "the page requested " + url);
        }
        assertEquals("ran", browser.evaluate("document.body.getAttribute('data-script')").asText(),
                "the page's script ran to its end");
        return page;
    }

    private static int count(String selector) throws IOException, InterruptedException {
        return browser.evaluate("document.querySelectorAll(\"" + selector + "\").length").asInt();
    }

    /** The control: the harness does see a thrown error, a console error and a network request. */
    @Test
    void harnessReportsScriptErrorsConsoleErrorsAndRequests() throws Exception {
        Path file = dir.resolve("broken.html");
        Files.writeString(file, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\">"
                + "<script>console.error('bad thing'); throw new Error('boom');</script></body></html>");
        HeadlessChromium.Page page = browser.load(file);
        String errors = String.join("\n", page.errors());
        assertTrue(errors.contains("boom"), errors);
        assertTrue(errors.contains("bad thing"), errors);
        assertTrue(page.requests().contains("http://127.0.0.1:9/x.png"), page.requests().toString());
    }

    @Test
    void comparisonPageRendersChartsGalleryAndProvenance() throws Exception {
        Path images = dir.resolve("images");
        for (String id : List.of("img0", "img2", "img8")) {
            ImageDirThumbnailsTest.writeJpeg(images.resolve(id));
        }
        Comparison c = CompareFixtures.tenImages(new Threshold(Threshold.Kind.ABSOLUTE, 1, Threshold.Rule.POINT));
        String html = ComparisonReports.render(c, ReportFormat.HTML,
                new RenderOptions(10, 200, new ImageDirThumbnails(images, 150)));
        open("compare.html", html);

        assertEquals("FAIL", browser.evaluate("document.querySelector('#verdict').textContent.slice(0, 4)").asText());
        assertEquals(2, count("#accuracy-table tbody tr"));
        assertEquals(4, count("#interval-chart circle.point"));
        assertEquals(2, count("#delta-chart circle.point"));
        assertEquals(1, count("#delta-chart line.limit"), "the allowed drop is drawn");
        // Classes 0 and 1 lost, class 4 gained.
        assertEquals(2, count("#class-delta-chart rect.bar.loss"));
        assertEquals(1, count("#class-delta-chart rect.bar.gain"));
        assertEquals(2, count("#class-table tbody tr"));
        // 3 lost and 1 gained image, each drawn on both sides.
        assertEquals(8, count("#flip-confidence-chart circle.dot"));
        assertEquals(3, count("#gallery-lost figure.flip"));
        assertEquals(1, count("#gallery-gained figure.flip"));
        assertEquals(3, count("figure.flip img"));
        assertEquals(1, count("figure.flip .placeholder"));
        assertTrue(browser.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth === 150)")
                .asBoolean(), "every thumbnail decoded, 150 px wide");
        assertEquals(24, count("#provenance-table tbody tr"));
        assertEquals("efficientnet_b2.onnx", browser.evaluate(
                "document.querySelector('#provenance-table tbody tr:nth-child(6) td').textContent.split('/').pop()")
                .asText());

        // The filter the script built works on the rendered page.
        assertEquals(" 4 of 4 shown", browser.evaluate("document.querySelector('#flip-filter-count').textContent")
                .asText());
        String filter = "(() => { const i = document.querySelector('#flip-filter-input'); i.value = 'hammerhead';"
                + " i.dispatchEvent(new Event('input')); return document.querySelector('#flip-filter-count')"
                + ".textContent + '|' + document.querySelectorAll('figure.flip:not([hidden])').length; })()";
        assertEquals(" 1 of 4 shown|1", browser.evaluate(filter).asText());
    }

    @Test
    void zooReportPageRendersTableChartAndSortsByAColumn() throws Exception {
        ZooReport report = ZooReportBuilder.build(ZooFixtures.all(List.of()), ZooFixtures.PARAMS,
                CompareFixtures.PROVENANCE);
        open("report.html", ZooReports.render(report, ReportFormat.HTML));
        assertEquals(4, count("#zoo-table tbody tr"));
        assertEquals(12, count("#zoo-table thead th button.sort"), "the script made every header a sort button");
        assertEquals(1, count("#zoo-table tbody tr.sim"));
        assertEquals(0, count("#zoo-table tbody tr.sim td:nth-child(n+10) .zoo-fig"),
                "no board latency or FPS beside a simulated row");
        assertEquals(1, count("#zoo-table tbody tr.sim td:nth-child(7) .zoo-fig"), "the zoo's quantized Top-1 is");
        assertEquals(2, count("#delta-chart circle.point"), "one change per row with float and quantized results");
        assertEquals(1, count("#delta-chart path.zoo"), "the zoo's published change, beside the board row only");
        assertEquals(6, count("#inputs-table tbody tr"));
        assertEquals("zoo: 376.77", browser.evaluate(
                "document.querySelector('#zoo-table tbody tr td:nth-child(12) .zoo-fig').textContent").asText());

        String sortByQuant = "(() => { document.querySelectorAll('#zoo-table thead button')[6].click();"
                + " return Array.from(document.querySelectorAll('#zoo-table tbody tr'))"
                + ".map(r => r.cells[6].getAttribute('data-sort') || '-').join(' '); })()";
        assertEquals("40.0 60.0 70.0 -", browser.evaluate(sortByQuant).asText());
        assertEquals("70.0 60.0 40.0 -", browser.evaluate(sortByQuant).asText(), "second click: descending, unknown last");
    }

    @Test
    void hostileIdsAreShownAsTextAndRunNothing() throws Exception {
        open("hostile.html", ComparisonReports.render(ComparisonReportsTest.hostile(), ReportFormat.HTML,
                RenderOptions.defaults()));
        assertEquals(1, count("script"), "only the page's own script");
        assertEquals(0, count("b"), "class names with markup stay text");
        String caption = browser.evaluate("document.querySelector('figure.flip figcaption .mono').textContent").asText();
        assertEquals(ComparisonReportsTest.HOSTILE.replace('\u001b', '\ufffd'), caption);
        assertEquals("<b>tench</b>", browser.evaluate(
                "document.querySelector('#class-table tbody td:nth-child(2)').textContent").asText());
    }

    @Test
    void emptyComparisonPageLoadsCleanly() throws Exception {
        open("empty.html", ComparisonReports.render(ComparisonReportsTest.empty(), ReportFormat.HTML,
                RenderOptions.defaults()));
        assertTrue(browser.evaluate("document.querySelector('#verdict').textContent").asText()
                .startsWith("UNDETERMINED"));
        assertEquals(0, count("figure.flip"));
        assertEquals(" 0 of 0 shown", browser.evaluate("document.querySelector('#flip-filter-count').textContent")
                .asText());
    }
}
