package org.rdkzoo.evaluator.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden outputs of OpenCV made by {@code golden/make_goldens.py} (test resources), and what the
 * tests need to compare against them.
 */
final class Goldens {
    /** One line of {@code cases.tsv}. */
    record Case(String id, String kind, String input, Map<String, String> params, String shape, String sha256,
            String full) {
        @Override
        public String toString() {
            return id + " " + kind + " " + input + (params.isEmpty() ? "" : " " + params);
        }
    }

    private Goldens() {
    }

    static Path dir() {
        try {
            return Path.of(Goldens.class.getResource("golden/cases.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path image(String name) {
        return dir().resolve("images").resolve(name);
    }

    static List<Case> cases(String kind) {
        List<Case> out = new ArrayList<>();
        for (String line : lines(dir().resolve("cases.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f[1].equals(kind)) {
                out.add(new Case(f[0], f[1], f[2], params(f[3]), f[4], f[5], f[6]));
            }
        }
        return out;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.equals("-")) {
            return out;
        }
        for (String kv : text.split(";")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    /** The PreprocessSpec a case's parameters describe (the script's names). */
    static PreprocessSpec spec(Map<String, String> p) {
        PreprocessSpec.Resize resize = switch (p.get("resize")) {
            case "oe" -> PreprocessSpec.Resize.SHORT_SIDE_CENTER_CROP;
            case "letterbox" -> PreprocessSpec.Resize.LETTERBOX;
            default -> PreprocessSpec.Resize.DIRECT;
        };
        return new PreprocessSpec(p.get("resize"), resize, Integer.parseInt(p.get("short")),
                Integer.parseInt(p.get("width")), Integer.parseInt(p.get("height")), 127,
                PreprocessSpec.ColorOrder.valueOf(p.get("color")), p.get("nv12").equals("True"), doubles(p.get("mean")),
                doubles(p.get("scale")), PreprocessSpec.Layout.valueOf(p.get("layout")),
                p.get("dtype").equals("uint8") ? PreprocessSpec.DType.UINT8 : PreprocessSpec.DType.FLOAT32);
    }

    private static List<Double> doubles(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(Double::valueOf).toList();
    }

    static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Null when {@code actual} is what the case expects; otherwise a description of the difference (with
     * the number of differing bytes and the largest difference when the full output was kept).
     */
    static String mismatch(Case c, byte[] actual) {
        if (sha256(actual).equals(c.sha256())) {
            return null;
        }
        if (c.full().equals("-")) {
            return c + ": sha256 " + sha256(actual) + ", OpenCV " + c.sha256() + " (" + actual.length + " bytes)";
        }
        byte[] expected;
        try {
            expected = Files.readAllBytes(dir().resolve("full").resolve(c.full()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expected.length != actual.length) {
            return c + ": " + actual.length + " bytes, OpenCV " + expected.length;
        }
        int differ = 0;
        int max = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            int d = Math.abs((expected[i] & 0xff) - (actual[i] & 0xff));
            if (d != 0) {
                differ++;
                max = Math.max(max, d);
                first = first < 0 ? i : first;
            }
        }
        return c + ": " + differ + " of " + expected.length + " bytes differ from OpenCV, by at most " + max
                + ", first at byte " + first;
    }
}
