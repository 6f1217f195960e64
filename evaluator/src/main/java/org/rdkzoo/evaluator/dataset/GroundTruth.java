package org.rdkzoo.evaluator.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.provenance.Sha256;

/**
 * The label of each image, from a ground-truth file:
 * <ul>
 * <li>lines {@code "name label"} ({@code val.txt}, the 50,000-line {@code ILSVRC2012_val_ground_truth.txt}), or
 * {@code "./data/name.JPEG, 472"} (separated by white space or a comma);</li>
 * <li>a CSV with a header: an image column ({@code file}, {@code filename}, {@code image}, {@code path},
 * {@code name} or {@code id}) and a {@code wnid} column or a class-index column ({@code class_index},
 * {@code label}, {@code class}, {@code index}); the WordNet id wins when both are there, since it does
 * not depend on a class order.</li>
 * </ul>
 * A label is a class index or a WordNet id. Image names are matched against dataset ids by relative path
 * (a leading {@code ./} ignored), else by file name, which lets one file label any folder of the images.
 */
public final class GroundTruth {
    private static final Pattern LINE = Pattern.compile("^(.*?\\S)\\s*(?:,|\\s)\\s*(\\S+)\\s*$");
    private static final List<String> KEY_COLUMNS = List.of("file", "filename", "file_name", "image", "path",
            "name", "id");
    private static final List<String> INDEX_COLUMNS = List.of("class_index", "label", "class", "index", "class_id");
    private static final List<String> WNID_COLUMNS = List.of("wnid", "synset");

    private final Path source;
    private final String sha256;
    private final Map<String, String> labels;

    private GroundTruth(Path source, String sha256, Map<String, String> labels) {
        this.source = source;
        this.sha256 = sha256;
        this.labels = labels;
    }

    public Path source() {
        return source;
    }

    public String sha256() {
        return sha256;
    }

    /** Number of images the file labels. */
    public int size() {
        return labels.size();
    }

    public static GroundTruth read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("").strip();
        Map<String, String> labels = looksLikeCsvHeader(first) ? csv(file, text) : lines(file, text);
        if (labels.isEmpty()) {
            throw new InvalidInputException(file + ": the ground-truth file labels no image");
        }
        return new GroundTruth(file, Sha256.of(bytes), labels);
    }

    private static boolean looksLikeCsvHeader(String line) {
        if (!line.contains(",")) {
            return false;
        }
        for (String column : line.toLowerCase(Locale.ROOT).split(",")) {
            if (KEY_COLUMNS.contains(column.strip().replace("\"", ""))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> lines(Path file, String text) throws InvalidInputException {
        Map<String, String> labels = new LinkedHashMap<>();
        int n = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || !isLabel(m.group(2))) {
                throw new InvalidInputException(file + ":" + n + ": expected 'image label' (like "
                        + "'ILSVRC2012_val_00000001.JPEG 65'), found '" + line.strip() + "'");
            }
            put(file, n, labels, m.group(1), m.group(2));
        }
        return labels;
    }

    private static Map<String, String> csv(Path file, String text) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, String> labels = new LinkedHashMap<>();
        try (Reader reader = new StringReader(text);
                MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            List<String> header = new ArrayList<>();
            ((CsvSchema) rows.getParser().getSchema()).forEach(c -> header.add(c.getName()));
            String key = column(header, KEY_COLUMNS);
            String wnid = column(header, WNID_COLUMNS);
            String index = column(header, INDEX_COLUMNS);
            if (key == null || (wnid == null && index == null)) {
                throw new InvalidInputException(file + ": expected CSV columns for the image (one of " + KEY_COLUMNS
                        + ") and its class (one of " + WNID_COLUMNS + " or " + INDEX_COLUMNS + "), found " + header);
            }
            String labelColumn = wnid != null ? wnid : index;
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                String image = row.get(key);
                String label = row.get(labelColumn);
                if (image == null || image.isBlank() || label == null || !isLabel(label.strip())) {
                    throw new InvalidInputException(file + ":" + line + ": expected an image in column '" + key
                            + "' and a class in column '" + labelColumn + "', found " + row);
                }
                put(file, line, labels, image, label.strip());
            }
        } catch (RuntimeException e) {
            // Jackson reports malformed CSV (an unclosed quote, too many columns) unchecked.
            throw new InvalidInputException(file + ": not a readable CSV: " + e.getMessage(), e);
        }
        return labels;
    }

    private static String column(List<String> header, List<String> candidates) {
        for (String candidate : candidates) {
            for (String h : header) {
                if (h.strip().equalsIgnoreCase(candidate)) {
                    return h;
                }
            }
        }
        return null;
    }

    private static boolean isLabel(String s) {
        return s.matches("\\d+") || s.matches("n\\d{8}");
    }

    private static void put(Path file, int line, Map<String, String> labels, String image, String label)
            throws InvalidInputException {
        String key = normalise(image);
        String before = labels.put(key, label);
        if (before != null && !before.equals(label)) {
            throw new InvalidInputException(file + ":" + line + ": image " + key + " is labelled twice, " + before
                    + " and " + label);
        }
    }

    private static String normalise(String name) {
        String n = name.strip().replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    /**
     * The label of each dataset id, matched by relative path, else by file name.
     *
     * @throws InvalidInputException naming how many ids have no label (and a few of them), or which file
     *                               name is ambiguous
     */
    public Map<String, String> assign(List<String> ids) throws InvalidInputException {
        Map<String, Integer> nameCount = new HashMap<>();
        for (String id : ids) {
            nameCount.merge(fileName(id), 1, Integer::sum);
        }
        Map<String, String> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            String label = labels.get(id);
            if (label == null) {
                String name = fileName(id);
                label = labels.get(name);
                if (label != null && nameCount.get(name) > 1) {
                    throw new InvalidInputException(source + " labels '" + name + "' by file name, but "
                            + nameCount.get(name) + " images of the dataset have that name (e.g. " + id
                            + "); give their relative paths in the ground-truth file");
                }
            }
            if (label == null) {
                missing.add(id);
            } else {
                result.put(id, label);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.size() + " of " + ids.size() + " images have no label in "
                    + source + " (e.g. " + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + "); it labels " + labels.size() + " images, like '" + labels.keySet().iterator().next() + "'");
        }
        return result;
    }

    static String fileName(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
