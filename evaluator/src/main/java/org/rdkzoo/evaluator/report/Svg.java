package org.rdkzoo.evaluator.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for HTML reports: drawn from numbers, no scripts, every label escaped. */
final class Svg {
    private static final int LABEL = 200;
    private static final int PLOT = 560;
    private static final int ROW = 22;
    private static final int TOP = 26;

    private Svg() {
    }

    /** One horizontal bar: a label and a signed value. */
    record Bar(String label, double value, String title) {
    }

    /** One interval row: a label, a point, its interval, an optional reference marker (NaN for none). */
    record Range(String label, double value, double lower, double upper, double marker, String title) {
    }

    /** One row of a strip plot: a label and values in 0..1. */
    record Strip(String label, String cssClass, List<Double> values, List<String> titles) {
    }

    /** Horizontal bars around zero: losses left in red, gains right in green. */
    static String bars(String id, String title, List<Bar> bars, String unit) {
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
        max = max == 0 ? 1 : max;
        int height = TOP + ROW * bars.size() + 24;
        StringBuilder s = open(id, title, height);
        double zero = LABEL + PLOT / 2.0;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * ROW;
            double w = Math.abs(b.value()) / max * (PLOT / 2.0 - 40);
            double x = b.value() < 0 ? zero - w : zero;
            s.append(text(LABEL - 6, y + 14, "end", b.label()));
            s.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\">"
                    + "<title>%s</title></rect>\n", b.value() < 0 ? "loss" : "gain", x, y + 3, Math.max(w, 1), ROW - 6,
                    Html.escape(b.title())));
            double tx = b.value() < 0 ? x - 4 : x + w + 4;
            s.append(text(tx, y + 14, b.value() < 0 ? "end" : "start", format(b.value()) + unit));
        }
        s.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", zero,
                TOP - 4, zero, TOP + ROW * bars.size()));
        return s.append("</svg>\n").toString();
    }

    /**
     * Points with interval whiskers on a common axis {@code [min, max]}; {@code limit} draws a dashed vertical
     * line (a threshold), NaN for none; markers (e.g. published values) are hollow diamonds.
     */
    static String ranges(String id, String title, List<Range> rows, double min, double max, double limit,
            String limitLabel, boolean zeroLine) {
        int height = TOP + ROW * rows.size() + 30;
        StringBuilder s = open(id, title, height);
        axis(s, min, max, TOP + ROW * rows.size(), 5);
        if (zeroLine && min < 0 && max > 0) {
            double x = x(0, min, max);
            s.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x,
                    TOP - 4, x, TOP + ROW * rows.size()));
        }
        if (!Double.isNaN(limit) && limit >= min && limit <= max) {
            double x = x(limit, min, max);
            s.append(String.format(Locale.ROOT, "<line class=\"limit\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\">"
                    + "<title>%s</title></line>\n", x, TOP - 8, x, TOP + ROW * rows.size(), Html.escape(limitLabel)));
        }
        for (int i = 0; i < rows.size(); i++) {
            Range r = rows.get(i);
            double y = TOP + i * ROW + ROW / 2.0;
            s.append(text(LABEL - 6, y + 4, "end", r.label()));
            s.append("<g class=\"range\"><title>").append(Html.escape(r.title())).append("</title>");
            if (!Double.isNaN(r.lower()) && !Double.isNaN(r.upper())) {
                s.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        x(r.lower(), min, max), y, x(r.upper(), min, max), y));
            }
            if (!Double.isNaN(r.value())) {
                s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>",
                        x(r.value(), min, max), y));
            }
            if (!Double.isNaN(r.marker())) {
                double mx = x(r.marker(), min, max);
                s.append(String.format(Locale.ROOT, "<path class=\"zoo\" d=\"M%.1f %.1fl5 5-5 5-5-5z\"/>", mx, y - 5));
            }
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /** Dots of values in [0, 1], one band per strip, with a deterministic jitter so that ties stay visible. */
    static String strips(String id, String title, List<Strip> strips) {
        int band = 34;
        int height = TOP + band * strips.size() + 30;
        StringBuilder s = open(id, title, height);
        axis(s, 0, 1, TOP + band * strips.size(), 4);
        for (int i = 0; i < strips.size(); i++) {
            Strip st = strips.get(i);
            double y0 = TOP + i * band;
            s.append(text(LABEL - 6, y0 + band / 2.0 + 4, "end", st.label() + " (" + st.values().size() + ")"));
            for (int j = 0; j < st.values().size(); j++) {
                double v = st.values().get(j);
                double jitter = ((j * 7919) % 17) / 17.0 * (band - 12);
                s.append(String.format(Locale.ROOT, "<circle class=\"dot %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s"
                        + "</title></circle>\n", st.cssClass(), x(v, 0, 1), y0 + 6 + jitter,
                        Html.escape(st.titles().get(j))));
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", Html.escape(id),
                LABEL + PLOT + 40, height, LABEL + PLOT + 40, height, Html.escape(title)));
        s.append("<title>").append(Html.escape(title)).append("</title>\n");
        return s;
    }

    private static void axis(StringBuilder s, double min, double max, int bottom, int ticks) {
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", LABEL,
                bottom + 2, LABEL + PLOT, bottom + 2));
        double step = niceStep((max - min) / ticks);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            double x = x(v, min, max);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x,
                    TOP - 4, x, bottom + 2));
            s.append(text(x, bottom + 16, "middle", format(Math.abs(v) < step * 1e-9 ? 0 : v)));
        }
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}: ticks people can read. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double x(double v, double min, double max) {
        return LABEL + (max == min ? 0.5 : (v - min) / (max - min)) * PLOT;
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y, anchor,
                Html.escape(content));
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }
}
