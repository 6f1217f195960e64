package org.rdkzoo.mapperconfigs.config;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decides the type of an unquoted scalar exactly as PyYAML 6 does (hb_mapper reads its config with
 * PyYAML, YAML 1.1). SnakeYAML's own YAML 1.1 rules differ at the edges: it reads {@code 1e-4} and
 * {@code -.5} as floats where PyYAML keeps strings, so the patterns below are PyYAML's, copied from
 * its resolver (bool, float, int, merge, null, timestamp, value), with the same first characters.
 */
final class PyYamlResolver extends Resolver {
    /** PyYAML's {@code tag:yaml.org,2002:value} ({@code =}): its safe loader has no constructor for it. */
    static final Tag VALUE = new Tag(Tag.PREFIX + "value");

    private static final Pattern BOOL_1_1 = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    private static final Pattern FLOAT_1_1 = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$");
    private static final Pattern INT_1_1 = Pattern.compile("^(?:[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern MERGE_1_1 = Pattern.compile("^(?:<<)$");
    private static final Pattern NULL_1_1 = Pattern.compile("^(?:~|null|Null|NULL|)$");
    private static final Pattern TIMESTAMP_1_1 = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    private static final Pattern VALUE_1_1 = Pattern.compile("^(?:=)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL_1_1, "yYnNtTfFoO");
        addImplicitResolver(Tag.FLOAT, FLOAT_1_1, "-+0123456789.");
        addImplicitResolver(Tag.INT, INT_1_1, "-+0123456789");
        addImplicitResolver(Tag.MERGE, MERGE_1_1, "<");
        // '\0' is where SnakeYAML looks up resolvers for the empty scalar.
        addImplicitResolver(Tag.NULL, NULL_1_1, "~nN\0");
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP_1_1, "0123456789");
        addImplicitResolver(VALUE, VALUE_1_1, "=");
    }
}
