package org.rdkzoo.evaluator.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * Reads label maps in the formats ImageNet classifiers ship with, telling them apart by content:
 * <ul>
 * <li>{@code synset_words.txt}: {@code "n01440764 tench, Tinca tinca"}, line i = class i;</li>
 * <li>{@code imagenet_class_index.json} (Keras): {@code {"0": ["n01440764", "tench"], ...}};</li>
 * <li>the zoo's {@code ImageNet_1k.json}: a JSON array of names, index 0 = {@code "tench, Tinca tinca"};</li>
 * <li>plain text, one name per line (the ST label files); a first line {@code background} marks a
 * 1001-class TF-slim file and sets {@link LabelMap#impliedOffset()} to 1.</li>
 * </ul>
 * The built-in map ({@link #imagenet()}) is the 1000 ILSVRC-2012 WordNet ids in sorted order, the class
 * order of PyTorch, Keras, Caffe and the ONNX Model Zoo, with the first synonym of each class as its name.
 */
public final class LabelMaps {
    /** The {@link LabelMap#source()} of the built-in map. */
    public static final String BUILTIN = "builtin:imagenet-1k";

    private static final Pattern SYNSET_LINE = Pattern.compile("^(n\\d{8})[ \\t]+(.+)$");
    private static final Pattern GROUND_TRUTH_LINE = Pattern.compile(
            "^\\S+\\.(?i:jpe?g|png|bmp|webp)[ \\t,]+\\d+\\s*$");
    private static final String BACKGROUND = "background";

    private static volatile LabelMap imagenet;

    private LabelMaps() {
    }

    /** The 1000 ImageNet classes, sorted by WordNet id, with short names (a resource in the jar). */
    public static LabelMap imagenet() {
        LabelMap map = imagenet;
        if (map == null) {
            try (InputStream in = LabelMaps.class.getResourceAsStream("imagenet-1k.txt")) {
                if (in == null) {
                    throw new IllegalStateException("resource imagenet-1k.txt is missing from the rdkzoo jar");
                }
                List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .toList();
                map = synsets(BUILTIN, null, lines);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in ImageNet labels", e);
            }
            imagenet = map;
        }
        return map;
    }

    /** Reads a label map file, recognising its format from its content. */
    public static LabelMap read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String sha = Sha256.of(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return json(file, sha, text);
        }
        List<String> lines = new ArrayList<>(text.lines().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1)
                : l).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException(file + ": the label file is empty");
        }
        if (lines.stream().allMatch(l -> GROUND_TRUTH_LINE.matcher(l).matches())) {
            throw new InvalidInputException(file + ": this is a ground-truth file (\"image label\" lines, e.g. '"
                    + lines.get(0) + "'), not a list of class names; pass it with --ground-truth");
        }
        if (lines.stream().allMatch(l -> SYNSET_LINE.matcher(l).matches())) {
            return synsets(file.toString(), sha, lines);
        }
        return namesPerLine(file, sha, lines);
    }

    private static LabelMap synsets(String source, String sha, List<String> lines) throws InvalidInputException {
        List<String> wnids = new ArrayList<>(lines.size());
        List<String> names = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher m = SYNSET_LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException(source + ":" + (wnids.size() + 1)
                        + ": expected 'wnid names' (like 'n01440764 tench, Tinca tinca'), found '" + line + "'");
            }
            wnids.add(m.group(1));
            names.add(m.group(2).strip());
        }
        checkUnique(source, wnids);
        return new LabelMap(source, sha, wnids, names, 0);
    }

    private static LabelMap namesPerLine(Path file, String sha, List<String> lines) throws InvalidInputException {
        List<String> names = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                // A blank line in the middle would shift every later class by one.
                throw new InvalidInputException(file + ":" + (i + 1) + ": blank line in a name-per-line label file "
                        + "(line i is class i-1, so a blank line would shift every later class)");
            }
            names.add(name);
        }
        return withBackground(file.toString(), sha, List.of(), names);
    }

    private static LabelMap json(Path file, String sha, String text) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<String> wnids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                entry(file, "[" + i + "]", root.get(i), wnids, names);
            }
        } else if (root.isObject()) {
            // Keys are class indices ("0".."999"); they must run from 0 without gaps, in any order.
            int n = root.size();
            for (int i = 0; i < n; i++) {
                JsonNode value = root.get(Integer.toString(i));
                if (value == null) {
                    throw new InvalidInputException(file + ": expected keys \"0\" to \"" + (n - 1)
                            + "\" (class indices), key \"" + i + "\" is missing; found keys like "
                            + firstKeys(root));
                }
                entry(file, "\"" + i + "\"", value, wnids, names);
            }
        } else {
            throw new InvalidInputException(file + ": expected a JSON array of names or an object of class indices, "
                    + "found " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw new InvalidInputException(file + ": the label file lists no classes");
        }
        if (!wnids.isEmpty() && wnids.size() != names.size()) {
            throw new InvalidInputException(file + ": some entries have a WordNet id and some do not ("
                    + wnids.size() + " of " + names.size() + ")");
        }
        if (!wnids.isEmpty()) {
            checkUnique(file.toString(), wnids);
        }
        return withBackground(file.toString(), sha, wnids, names);
    }

    /** One class: "name", ["name"] or ["wnid", "name"]. */
    private static void entry(Path file, String where, JsonNode value, List<String> wnids, List<String> names)
            throws InvalidInputException {
        if (value.isTextual()) {
            names.add(value.asText());
        } else if (value.isArray() && value.size() == 1 && value.get(0).isTextual()) {
            names.add(value.get(0).asText());
        } else if (value.isArray() && value.size() == 2 && value.get(0).isTextual() && value.get(1).isTextual()) {
            wnids.add(value.get(0).asText());
            names.add(value.get(1).asText());
        } else {
            throw new InvalidInputException(file + ": entry " + where
                    + ": expected a name or [wnid, name], found " + value);
        }
    }

    private static LabelMap withBackground(String source, String sha, List<String> wnids, List<String> names) {
        boolean background = names.size() > 1 && names.get(0).strip().equalsIgnoreCase(BACKGROUND)
                && (wnids.isEmpty() || !wnids.get(0).matches("n\\d{8}"));
        if (!background) {
            return new LabelMap(source, sha, wnids, names, 0);
        }
        return new LabelMap(source, sha, wnids.isEmpty() ? wnids : wnids.subList(1, wnids.size()),
                names.subList(1, names.size()), 1);
    }

    private static void checkUnique(String source, List<String> wnids) throws InvalidInputException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wnids.size(); i++) {
            if (!seen.add(wnids.get(i))) {
                throw new InvalidInputException(source + ": WordNet id " + wnids.get(i) + " appears twice (class "
                        + wnids.indexOf(wnids.get(i)) + " and class " + i + ")");
            }
        }
    }

    private static String firstKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && keys.size() < 3;) {
            keys.add("\"" + it.next().getKey() + "\"");
        }
        return String.join(", ", keys);
    }
}
