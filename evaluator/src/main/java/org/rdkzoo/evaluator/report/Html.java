package org.rdkzoo.evaluator.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Escaping for HTML text and attribute values (inline SVG included). Every non-ASCII character becomes a
 * numeric reference, so a page is pure ASCII and reads right whatever charset a tool assumes.
 */
final class Html {
    private Html() {
    }

    /** Escapes text and attribute values alike: {@code & < > " '}, control characters and non-ASCII. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (cp == '\n' || cp == '\t') {
                        out.append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                        out.append("&#xfffd;");
                    } else if (cp < 0x80) {
                        out.append((char) cp);
                    } else {
                        out.append("&#x").append(Integer.toHexString(cp)).append(';');
                    }
                }
            }
        });
        return out.toString();
    }

    /** The CSP source of an inline element's exact content: {@code 'sha256-<base64>'}. */
    static String cspHash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The document head: charset, a Content-Security-Policy that allows nothing but this page's own style
     * and script (by hash) and {@code data:} images, so the page can never reach the network, and the title.
     */
    static String head(String title, String style, String script) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src "
                + cspHash(style) + "; script-src " + cspHash(script) + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + style + "</style>\n</head>\n";
    }

    /** A table row of escaped cells; {@code th} for the first cell. */
    static String row(String... cells) {
        StringBuilder out = new StringBuilder("<tr>");
        for (int i = 0; i < cells.length; i++) {
            String tag = i == 0 ? "th" : "td";
            out.append('<').append(tag).append('>').append(escape(cells[i])).append("</").append(tag).append('>');
        }
        return out.append("</tr>\n").toString();
    }

    /** The shared look of rdkzoo pages: plain, readable, printable. */
    static final String STYLE = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2329;margin:0 auto;",
            "max-width:1100px;padding:0 20px 40px}",
            "h1{font-size:22px;margin:24px 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde2e7}",
            "h3{font-size:14px;margin:18px 0 6px}.sub{color:#5b6670;margin:0}",
            "table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #eef1f4;",
            "text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
            "thead th{border-bottom:2px solid #cfd6dd}code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;",
            "font-size:12px}.note{color:#5b6670;font-size:12px}",
            ".verdict{padding:10px 14px;border-radius:6px;margin:14px 0;border:1px solid}",
            ".verdict.fail{background:#fdecea;border-color:#e0a19a}.verdict.pass{background:#e9f6ec;border-color:#9acfa6}",
            ".verdict.none,.verdict.undetermined{background:#f2f4f6;border-color:#cfd6dd}",
            "td.sim{color:#8a4b00}.chart{display:block;margin:8px 0;max-width:100%;height:auto}",
            ".chart text{font:11px system-ui,sans-serif;fill:#1d2329}.chart .axis{stroke:#9aa5b1;stroke-width:1}",
            ".chart .grid{stroke:#eef1f4}.chart .loss{fill:#c8463d}.chart .gain{fill:#2f8f4e}",
            ".chart .ci{stroke:#1d2329;stroke-width:1.5}.chart .point{fill:#1d2329}.chart .zero{stroke:#5b6670;",
            "stroke-dasharray:3 3}.chart .limit{stroke:#c8463d;stroke-dasharray:5 3}.chart .dot-a{fill:#3c6fb0;",
            "fill-opacity:.75}.chart .dot-b{fill:#c8463d;fill-opacity:.75}.chart .zoo{fill:none;stroke:#8a4b00;",
            "stroke-width:1.5}",
            ".gallery{display:flex;flex-wrap:wrap;gap:10px}figure.flip{margin:0;width:150px;font-size:11px}",
            "figure.flip img,figure.flip .placeholder{width:150px;height:112px;object-fit:cover;border-radius:4px;",
            "background:#eef1f4;display:flex;align-items:center;justify-content:center;overflow:hidden;",
            "word-break:break-all;color:#5b6670;text-align:center}figure.flip figcaption{margin-top:3px;overflow-wrap:anywhere}",
            "figure.flip figcaption .mono{display:block}",
            ".lost .was{color:#2f8f4e}.lost .now{color:#c8463d}.gained .was{color:#c8463d}.gained .now{color:#2f8f4e}",
            "#flip-filter{margin:6px 0 10px}#flip-filter input{padding:3px 6px}",
            ".wide{table-layout:fixed;width:100%}.wide th:first-child{width:170px}.wide td{overflow-wrap:anywhere}");
}
