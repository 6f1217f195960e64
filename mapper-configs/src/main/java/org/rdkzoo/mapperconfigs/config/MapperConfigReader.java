package org.rdkzoo.mapperconfigs.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads an hb_mapper config as the toolchain's PyYAML reads it (YAML 1.1: {@code False}, {@code yes},
 * flow mappings with a trailing comma, space-separated numbers kept as one string), keeping the
 * line and column of every key and value.
 *
 * <p>The file is first composed into SnakeYAML's node tree and values are then built from the nodes
 * by this class, never by a constructor: no tag can instantiate a Java class. Tags other than the
 * standard scalar and collection ones are refused, as are documents too large, too deep or with too
 * many aliases (a "billion laughs" alias bomb).
 */
public final class MapperConfigReader {
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;
    /** Values after aliases are expanded: far above any real config, far below an alias bomb's. */
    static final int MAX_VALUES = 100_000;

    private static final Set<Tag> STANDARD = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
            Tag.MAP, Tag.SEQ, Tag.MERGE, PyYamlResolver.VALUE);

    /** How SnakeYAML's composer words a refusal by our tag inspector. */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";

    private final Path file;
    private final Map<List<String>, Position> keys = new HashMap<>();
    private final Map<List<String>, Position> values = new HashMap<>();
    private final Map<List<String>, Position> duplicates = new HashMap<>();
    private int budget = MAX_VALUES;

    private MapperConfigReader(Path file) {
        this.file = file;
    }

    /** Reads a config file; relative paths in it will resolve against its folder. */
    public static MapperConfig read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigFormatException(file, Position.NONE, "not UTF-8 text (a binary file, such as a model, "
                    + "given as the config?)", e);
        }
        return parse(text, file);
    }

    /**
     * Parses config text.
     *
     * @param file the file name to put in messages and to resolve relative paths against, or
     *             {@code null}
     */
    public static MapperConfig parse(String text, Path file) throws ConfigFormatException {
        return new MapperConfigReader(file).parse(text);
    }

    /**
     * A value typed as PyYAML types it when written unquoted in a config: {@code true} and {@code yes}
     * are booleans, {@code 0.9999} a float, {@code 1e-4} and {@code kl} strings, an empty text null.
     * For values given on the command line ({@code mapper sweep --set max_percentile=0.9999}).
     */
    public static Object scalar(String text) {
        Tag tag = new PyYamlResolver().resolve(NodeId.scalar, text, true);
        try {
            return Tag.MERGE.equals(tag) ? text : PyYamlValues.scalar(tag, text);
        } catch (IllegalArgumentException e) {
            return text; // PyYAML's '=' (no safe constructor): keep the words as given
        }
    }

    private MapperConfig parse(String text) throws ConfigFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() == null ? "" : e.getProblem();
            if (problem.startsWith(GLOBAL_TAG)) {
                Tag tag = new Tag(problem.substring(GLOBAL_TAG.length()).trim());
                throw new ConfigFormatException(file, position(e.getProblemMark()), forbidden(tag), e);
            }
            throw new ConfigFormatException(file, position(e.getProblemMark()), "not valid YAML: " + problem(e), e);
        } catch (YAMLException e) {
            throw new ConfigFormatException(file, Position.NONE, refusal(e.getMessage()), e);
        }
        if (root == null) {
            throw new ConfigFormatException(file, Position.NONE, "the file is empty; an hb_mapper config is a mapping of "
                    + "sections (model_parameters, input_parameters, calibration_parameters, compiler_parameters)");
        }
        if (!(root instanceof MappingNode)) {
            throw new ConfigFormatException(file, position(root.getStartMark()),
                    "expected a mapping of sections (model_parameters: ...), found a " + kind(root));
        }
        Object document = value(root, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> sections = (Map<String, Object>) document;
        return MapperConfig.of(sections, new ConfigSource(file, keys, values, duplicates));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMergeOnCompose(false);
        // Global tags (!<tag:example.com,2000:x>) never reach us; standard-prefix ones are checked below.
        options.setTagInspector(tag -> false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new PyYamlResolver());
    }

    private Object value(Node node, List<String> path) throws ConfigFormatException {
        if (--budget < 0) {
            throw new ConfigFormatException(file, position(node.getStartMark()), "the document expands to more than "
                    + MAX_VALUES + " values through aliases (an alias bomb?); hb_mapper configs are small");
        }
        Tag tag = node.getTag();
        if (!STANDARD.contains(tag)) {
            throw new ConfigFormatException(file, position(node.getStartMark()), forbidden(tag));
        }
        if (node instanceof ScalarNode s) {
            if (Tag.MERGE.equals(tag)) {
                return s.getValue();
            }
            try {
                return PyYamlValues.scalar(tag, s.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(file, position(node.getStartMark()), e.getMessage()
                        + (PyYamlResolver.VALUE.equals(tag) ? " (quote the '=')" : ""));
            }
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                list.add(value(seq.getValue().get(i), append(path, "[" + i + "]")));
            }
            return list;
        }
        return mapping((MappingNode) node, path);
    }

    private Map<String, Object> mapping(MappingNode node, List<String> path) throws ConfigFormatException {
        Map<String, Object> map = new LinkedHashMap<>();
        // Python dict semantics: keys equal in Python are one key (True == 1 == 1.0); a repeated key keeps
        // its first position and takes the last value.
        Map<Object, String> identities = new HashMap<>();
        Set<Object> ownKeys = new java.util.HashSet<>();
        for (Pair p : flatten(node)) {
            Node k = p.tuple().getKeyNode();
            if (!(k instanceof ScalarNode)) {
                throw new ConfigFormatException(file, position(k.getStartMark()), "a key must be a plain value, found a "
                        + kind(k) + " (PyYAML: unhashable key)");
            }
            Object keyValue = value(k, path);
            Object identity = identity(keyValue);
            String key = identities.computeIfAbsent(identity, x -> PyYamlValues.pythonText(keyValue));
            List<String> keyPath = append(path, key);
            if (!p.merged() && !ownKeys.add(identity)) {
                duplicates.put(keyPath, keys.get(keyPath));
            }
            keys.put(keyPath, position(k.getStartMark()));
            values.put(keyPath, position(p.tuple().getValueNode().getStartMark()));
            map.put(key, value(p.tuple().getValueNode(), keyPath));
        }
        return map;
    }

    /** A key/value pair and whether it came in through a merge key. */
    private record Pair(NodeTuple tuple, boolean merged) {
    }

    /**
     * PyYAML's flatten_mapping: the pairs of merged mappings first (for a list of them, the last one's
     * first, so that earlier ones win), then the mapping's own pairs.
     */
    private List<Pair> flatten(MappingNode node) throws ConfigFormatException {
        List<Pair> merge = new ArrayList<>();
        List<Pair> own = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            if (!Tag.MERGE.equals(t.getKeyNode().getTag())) {
                own.add(new Pair(t, false));
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof MappingNode m) {
                flatten(m).forEach(p -> merge.add(new Pair(p.tuple(), true)));
            } else if (v instanceof SequenceNode seq) {
                List<List<Pair>> sub = new ArrayList<>();
                for (Node n : seq.getValue()) {
                    if (!(n instanceof MappingNode m)) {
                        throw new ConfigFormatException(file, position(n.getStartMark()),
                                "a merge key (<<) takes a mapping or a list of mappings, found a " + kind(n));
                    }
                    sub.add(flatten(m));
                }
                java.util.Collections.reverse(sub);
                sub.forEach(l -> l.forEach(p -> merge.add(new Pair(p.tuple(), true))));
            } else {
                throw new ConfigFormatException(file, position(v.getStartMark()),
                        "a merge key (<<) takes a mapping or a list of mappings, found a " + kind(v));
            }
        }
        merge.addAll(own);
        return merge;
    }

    /** What Python's dict compares keys by: numbers (and booleans) by value, everything else by itself. */
    private static Object identity(Object key) {
        if (key instanceof Boolean b) {
            return BigDecimal.valueOf(b ? 1 : 0);
        } else if (key instanceof Long || key instanceof BigInteger) {
            return new BigDecimal(key.toString());
        } else if (key instanceof Double d) {
            return d.isNaN() ? new Object() : d.isInfinite() ? d : BigDecimal.valueOf(d).stripTrailingZeros();
        } else if (key == null) {
            return Tag.NULL;
        }
        return List.of(key.getClass(), key);
    }

    private static String forbidden(Tag tag) {
        return "tag " + PyYamlValues.describeTag(tag) + " is not allowed: an hb_mapper config holds plain strings, "
                + "numbers, booleans, lists and mappings, and no tag may create an object";
    }

    private static List<String> append(List<String> path, String key) {
        List<String> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(key);
        return List.copyOf(p);
    }

    private static Position position(Mark mark) {
        return mark == null ? Position.NONE : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "list" : node instanceof MappingNode ? "mapping" : "scalar";
    }

    private static String problem(MarkedYAMLException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        if (problem != null && problem.contains("aliases for non-scalar nodes")) {
            return refusal(problem);
        }
        return (context != null ? context + ": " : "") + (problem != null ? problem : e.getMessage());
    }

    /** SnakeYAML's limit messages, said for a user. */
    private static String refusal(String message) {
        if (message == null) {
            return "cannot be read";
        }
        if (message.contains("aliases for non-scalar nodes")) {
            return "more than " + MAX_ALIASES + " aliases to lists or mappings (an alias bomb?); refused";
        } else if (message.contains("exceeds the limit")) {
            return "the document is larger than " + MAX_CODE_POINTS + " characters; refused";
        } else if (message.contains("Nesting Depth")) {
            return "values nested more than " + MAX_DEPTH + " levels deep; refused";
        }
        return message;
    }
}
