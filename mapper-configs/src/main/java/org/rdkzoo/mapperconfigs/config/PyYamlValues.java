package org.rdkzoo.mapperconfigs.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds Java values from YAML scalars as PyYAML's SafeConstructor does, and names their types and
 * prints them as Python would in messages ({@code True}, {@code None}, {@code 1.0}).
 */
final class PyYamlValues {
    private PyYamlValues() {
    }

    /**
     * The value of a scalar with a resolved (or explicit) standard tag.
     *
     * @throws IllegalArgumentException when the text does not fit an explicit tag, or the tag has no
     *         safe constructor in PyYAML
     */
    static Object scalar(Tag tag, String text) {
        if (Tag.STR.equals(tag)) {
            return text;
        } else if (Tag.NULL.equals(tag)) {
            return null;
        } else if (Tag.BOOL.equals(tag)) {
            return bool(text);
        } else if (Tag.INT.equals(tag)) {
            return integer(text);
        } else if (Tag.FLOAT.equals(tag)) {
            return floating(text);
        } else if (Tag.TIMESTAMP.equals(tag)) {
            return new YamlTimestamp(text);
        }
        throw new IllegalArgumentException("PyYAML's safe loader has no constructor for " + describeTag(tag));
    }

    private static Boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on":
                return Boolean.TRUE;
            case "no", "false", "off":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("'" + text + "' is not a YAML 1.1 boolean");
        }
    }

    /** PyYAML's construct_yaml_int: underscores, sign, 0b, 0x, a leading 0 for octal, base 60. */
    private static Object integer(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
        }
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            BigInteger n;
            if (v.equals("0")) {
                n = BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                n = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new BigInteger(v.substring(2), 16);
            } else if (v.startsWith("0")) {
                n = new BigInteger(v, 8);
            } else if (v.contains(":")) {
                n = BigInteger.ZERO;
                for (String part : v.split(":")) {
                    n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                n = new BigInteger(v);
            }
            n = sign < 0 ? n.negate() : n;
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a YAML 1.1 integer");
        }
    }

    /** PyYAML's construct_yaml_float: underscores, sign, .inf, .nan, base 60. */
    private static Double floating(String text) {
        String v = text.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
        }
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            if (v.equals(".inf")) {
                return sign * Double.POSITIVE_INFINITY;
            } else if (v.equals(".nan")) {
                return Double.NaN;
            } else if (v.contains(":")) {
                double n = 0;
                for (String part : v.split(":")) {
                    n = n * 60 + Double.parseDouble(part);
                }
                return sign * n;
            }
            return sign * Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a YAML 1.1 float");
        }
    }

    /** The Python type name of a value, for "found" in messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "integer";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof List) {
            return "list";
        } else if (value instanceof Map) {
            return "mapping";
        } else if (value instanceof YamlTimestamp) {
            return "date";
        }
        return value.getClass().getSimpleName();
    }

    /** A value as Python's str() prints it: {@code True}, {@code None}, {@code 0.5}. */
    static String pythonText(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof Double d) {
            if (d.isNaN()) {
                return "nan";
            } else if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return YamlText.plainFloat(d);
        }
        return value.toString();
    }

    static String describeTag(Tag tag) {
        String v = tag.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }
}
