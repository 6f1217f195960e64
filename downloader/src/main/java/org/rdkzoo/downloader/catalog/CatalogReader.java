package org.rdkzoo.downloader.catalog;

import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one catalog file into {@link EntrySpec}s. It works on the YAML node tree (SnakeYAML's
 * composer with the safe constructor, so no YAML tag can instantiate a class) because nodes carry
 * their line and column: every error names the place in the file.
 */
final class CatalogReader {
    private static final Set<String> TOP_FIELDS = Set.of("schema", "base_url", "defaults", "models");
    private static final Set<String> DEFAULT_FIELDS = Set.of("input", "classes", "onnx_note");
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "family", "bin", "onnx", "source", "input",
            "classes", "params_m", "float_top1", "quant_top1", "latency_1t_ms", "latency_mt_ms", "fps", "notes");
    private static final Set<String> ARTIFACT_FIELDS = Set.of("file", "sha256", "size", "urls", "note");
    private static final Pattern INPUT = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final String origin;

    private CatalogReader(String origin) {
        this.origin = origin;
    }

    /** Parses {@code in}; {@code origin} names it in error messages. */
    static CatalogFile read(String origin, Reader in) {
        return new CatalogReader(origin).readFile(in);
    }

    private CatalogFile readFile(Reader in) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new CatalogException(origin, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "not valid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new CatalogException(origin, 0, 0, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new CatalogException(origin, 0, 0, "the catalog is empty; expected a 'models:' list");
        }
        Map<String, Node> top = mapping(root, "the catalog", TOP_FIELDS);
        if (top.containsKey("schema")) {
            int schema = integer(top.get("schema"), "schema");
            if (schema != 1) {
                throw fail(top.get("schema"), "unsupported catalog schema " + schema + "; this rdkzoo reads schema 1");
            }
        }
        URI baseUrl = top.containsKey("base_url") ? url(top.get("base_url"), "base_url") : null;
        Defaults defaults = top.containsKey("defaults") ? defaults(top.get("defaults")) : Defaults.NONE;
        Node models = top.get("models");
        if (models == null) {
            throw fail(root, "missing 'models:' (the list of model entries)");
        }
        List<EntrySpec> entries = new ArrayList<>();
        for (Node node : sequence(models, "models")) {
            entries.add(entry(node, baseUrl, defaults));
        }
        return new CatalogFile(origin, entries);
    }

    private Defaults defaults(Node node) {
        Map<String, Node> fields = mapping(node, "defaults", DEFAULT_FIELDS);
        int[] input = fields.containsKey("input") ? input(fields.get("input")) : null;
        return new Defaults(
                input == null ? null : input[0], input == null ? null : input[1],
                fields.containsKey("classes") ? positive(fields.get("classes"), "classes") : null,
                fields.containsKey("onnx_note") ? string(fields.get("onnx_note"), "onnx_note") : null);
    }

    private EntrySpec entry(Node node, URI baseUrl, Defaults defaults) {
        Map<String, Node> f = mapping(node, "a model entry", ENTRY_FIELDS);
        int[] input = f.containsKey("input") ? input(f.get("input")) : null;
        List<String> notes = new ArrayList<>();
        if (f.containsKey("notes")) {
            Node n = f.get("notes");
            if (n instanceof SequenceNode) {
                for (Node item : sequence(n, "notes")) {
                    notes.add(string(item, "notes"));
                }
            } else {
                notes.add(string(n, "notes"));
            }
        }
        PublishedFigures figures = new PublishedFigures(
                decimal(f.get("params_m"), "params_m"), decimal(f.get("float_top1"), "float_top1"),
                decimal(f.get("quant_top1"), "quant_top1"), decimal(f.get("latency_1t_ms"), "latency_1t_ms"),
                decimal(f.get("latency_mt_ms"), "latency_mt_ms"), decimal(f.get("fps"), "fps"));
        return new EntrySpec(origin, line(node),
                f.containsKey("id") ? string(f.get("id"), "id") : null,
                f.containsKey("family") ? string(f.get("family"), "family") : null,
                f.containsKey("bin") ? artifact(f.get("bin"), ArtifactFormat.BIN) : null,
                f.containsKey("onnx") ? artifact(f.get("onnx"), ArtifactFormat.ONNX) : null,
                input == null ? null : input[0], input == null ? null : input[1],
                f.containsKey("classes") ? positive(f.get("classes"), "classes") : null,
                f.containsKey("source") ? string(f.get("source"), "source") : null,
                figures, notes, baseUrl, defaults);
    }

    private ArtifactSpec artifact(Node node, ArtifactFormat format) {
        String what = format.id();
        if (node instanceof ScalarNode) {
            return new ArtifactSpec(format, fileName(node, what), null, null, List.of(), null, line(node));
        }
        Map<String, Node> f = mapping(node, "'" + what + "'", ARTIFACT_FIELDS);
        String sha = null;
        if (f.containsKey("sha256")) {
            sha = string(f.get("sha256"), what + ".sha256");
            if (!SHA256.matcher(sha).matches()) {
                throw fail(f.get("sha256"), what + ".sha256 must be 64 hexadecimal digits, found '" + sha + "'");
            }
            sha = sha.toLowerCase(Locale.ROOT);
        }
        Long size = null;
        if (f.containsKey("size")) {
            size = longValue(f.get("size"), what + ".size");
            if (size <= 0) {
                throw fail(f.get("size"), what + ".size must be a positive number of bytes, found " + size);
            }
        }
        List<URI> urls = new ArrayList<>();
        if (f.containsKey("urls")) {
            Node u = f.get("urls");
            List<Node> items = u instanceof SequenceNode ? sequence(u, what + ".urls") : List.of(u);
            for (Node item : items) {
                urls.add(url(item, what + ".urls"));
            }
        }
        return new ArtifactSpec(format, f.containsKey("file") ? fileName(f.get("file"), what + ".file") : null,
                sha, size, urls, f.containsKey("note") ? string(f.get("note"), what + ".note") : null, line(node));
    }

    private String fileName(Node node, String field) {
        String name = string(node, field);
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw fail(node, field + " must be a plain file name (no directory, not starting with '.'), found '"
                    + name + "'");
        }
        return name;
    }

    // --- node helpers: each failure names the field and the place ---

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw fail(node, what + " must be a mapping of field: value, found " + kind(node));
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode key)) {
                throw fail(k, "field names in " + what + " must be plain words");
            }
            String name = key.getValue();
            if (!allowed.contains(name)) {
                throw fail(k, "unknown field '" + name + "' in " + what + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (fields.put(name, t.getValueNode()) != null) {
                throw fail(k, "field '" + name + "' appears twice in " + what);
            }
        }
        return fields;
    }

    private List<Node> sequence(Node node, String field) {
        if (!(node instanceof SequenceNode s)) {
            throw fail(node, field + " must be a list, found " + kind(node));
        }
        return s.getValue();
    }

    private String string(Node node, String field) {
        if (!(node instanceof ScalarNode s)) {
            throw fail(node, field + " must be a single value, found " + kind(node));
        }
        return s.getValue();
    }

    private BigDecimal decimal(Node node, String field) {
        if (node == null) {
            return null;
        }
        String text = string(node, field).trim();
        if (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                throw fail(node, field + " must not be negative, found " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw fail(node, field + " must be a number, found '" + text + "'");
        }
    }

    private int integer(Node node, String field) {
        long v = longValue(node, field);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw fail(node, field + " is out of range: " + v);
        }
        return (int) v;
    }

    private int positive(Node node, String field) {
        int v = integer(node, field);
        if (v <= 0) {
            throw fail(node, field + " must be positive, found " + v);
        }
        return v;
    }

    private long longValue(Node node, String field) {
        String text = string(node, field).trim().replace("_", "");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail(node, field + " must be a whole number, found '" + text + "'");
        }
    }

    private int[] input(Node node) {
        String text = string(node, "input").trim();
        Matcher m = INPUT.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw fail(node, "input must be WIDTHxHEIGHT in pixels (like 224x224), found '" + text + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private URI url(Node node, String field) {
        String text = string(node, field).trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw fail(node, field + " must be an http:// or https:// URL, found '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw fail(node, field + " is not a valid URL: " + e.getMessage());
        }
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private CatalogException fail(Node node, String problem) {
        Mark mark = node.getStartMark();
        return new CatalogException(origin, mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1, problem);
    }

    /** The parsed content of one catalog file. */
    record CatalogFile(String origin, List<EntrySpec> entries) {
    }

    /** File-wide defaults for new entries; any may be null. */
    record Defaults(Integer inputWidth, Integer inputHeight, Integer classes, String onnxNote) {
        static final Defaults NONE = new Defaults(null, null, null, null);
    }

    /** An artifact as written: any field may be absent when it overrides an existing entry. */
    record ArtifactSpec(ArtifactFormat format, String file, String sha256, Long size, List<URI> urls, String note,
            int line) {
    }

    /** An entry as written, before it is merged into the catalog; absent fields are null. */
    record EntrySpec(String origin, int line, String id, String family, ArtifactSpec bin, ArtifactSpec onnx,
            Integer inputWidth, Integer inputHeight, Integer classes, String source, PublishedFigures figures,
            List<String> notes, URI baseUrl, Defaults defaults) {
    }
}
