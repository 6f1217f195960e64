package org.rdkzoo.mapperconfigs.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.Section;
import org.rdkzoo.mapperconfigs.config.Values;

/**
 * The shape of the file: the four mandatory sections present and mappings, no unknown section or
 * key (with a suggestion for typos, or the section a key belongs in), mandatory keys present, no key
 * given twice, and each value of the type its key takes.
 */
final class StructureCheck implements ConfigCheck {

    @Override
    public void check(CheckContext ctx) {
        Map<String, Object> doc = ctx.config().document();
        List<String> sectionNames = new ArrayList<>();
        for (Section s : Section.values()) {
            sectionNames.add(s.yamlName());
        }
        for (Section s : Section.values()) {
            Object value = doc.get(s.yamlName());
            if (!doc.containsKey(s.yamlName())) {
                if (s.mandatory()) {
                    ctx.add(Severity.ERROR, List.of(s.yamlName()), false, "missing section " + s.yamlName()
                            + ": hb_mapper needs all four of model_parameters, input_parameters, calibration_parameters "
                            + "and compiler_parameters", null, null);
                }
            } else if (!(value instanceof Map)) {
                ctx.add(Severity.ERROR, List.of(s.yamlName()), true, "section " + s.yamlName() + " must be a mapping of keys",
                        value, "key: value lines indented under the section");
            }
        }
        for (String name : doc.keySet()) {
            if (Section.of(name).isEmpty()) {
                ctx.add(Severity.ERROR, List.of(name), false, "unknown section '" + name + "'"
                        + CheckContext.didYouMean(name, sectionNames), null, String.join(", ", sectionNames));
            }
        }
        ctx.config().source().duplicates().forEach((path, earlier) -> ctx.add(Severity.WARNING, path, false,
                path.get(path.size() - 1) + " is set more than once; PyYAML keeps the last (the first is at line "
                        + earlier.line() + ")", null, null));
        for (Section s : Section.values()) {
            ctx.section(s).ifPresent(keys -> checkKeys(ctx, s, keys));
        }
    }

    private static void checkKeys(CheckContext ctx, Section section, Map<String, Object> keys) {
        for (ConfigKey k : ConfigKey.of(section)) {
            if (k.mandatory() && !keys.containsKey(k.yamlName())) {
                ctx.add(Severity.ERROR, List.of(section.yamlName(), k.yamlName()), false, "missing mandatory key "
                        + k.yamlName(), null, k.allowed().isEmpty() ? k.kind().description() : String.join(", ", k.allowed()));
            }
        }
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            Optional<ConfigKey> known = ConfigKey.of(section, e.getKey());
            if (known.isEmpty()) {
                ctx.add(Severity.ERROR, List.of(section.yamlName(), e.getKey()), false, unknownKey(section, e.getKey()),
                        null, null);
            } else {
                checkType(ctx, known.get(), e.getValue());
            }
        }
    }

    private static String unknownKey(Section section, String key) {
        for (Section other : Section.values()) {
            if (other != section && ConfigKey.of(other, key).isPresent()) {
                return "'" + key + "' belongs in " + other.yamlName() + ", not " + section.yamlName();
            }
        }
        return "unknown key '" + key + "' in " + section.yamlName() + CheckContext.didYouMean(key, ConfigKey.names(section));
    }

    private static void checkType(CheckContext ctx, ConfigKey key, Object v) {
        if (v == null) {
            ctx.report(key.mandatory() ? Severity.ERROR : Severity.WARNING, key, key.yamlName()
                    + " is empty (PyYAML reads None); give it a value or remove the key", null, key.kind().description());
            return;
        }
        String problem = switch (key.kind()) {
            case STRING, NAME_LIST -> v instanceof String ? null
                    : v instanceof List ? "write the names in one string separated by ';', not as a YAML list"
                    : "expected " + key.kind().description();
            case BOOLEAN -> v instanceof Boolean ? null
                    : v instanceof String s && s.matches("(?i)true|false|yes|no|on|off")
                            ? "a quoted '" + s + "' is a string to PyYAML; write True or False without quotes"
                            : "expected True or False";
            case INTEGER -> v instanceof Long ? null : "expected an integer";
            case NUMBER -> v instanceof Long || v instanceof Double ? null
                    : v instanceof String s && s.matches("[-+]?[0-9.]+[eE][-+]?[0-9]+")
                            ? "PyYAML reads '" + s + "' as a string (its floats need a decimal point and no exponent "
                                    + "without sign); write it as a decimal, e.g. 0.0001"
                            : "expected a number";
            case NUMBER_LIST -> Values.numbersPerInput(v).isPresent() ? null
                    : "expected a number or numbers separated by spaces";
            case SHAPE_LIST -> !(v instanceof String s) ? "expected a shape like '1x3x224x224' (quoted)"
                    : Values.names(s, ";").stream().allMatch(x -> Values.shape(x).isPresent()) ? null
                    : "expected shapes like 1x3x224x224 (positive integers joined by 'x'), ';' between inputs";
            case NODE_INFO -> v instanceof String || v instanceof Map && ((Map<?, ?>) v).values().stream()
                    .allMatch(x -> x instanceof Map) ? null : "expected " + key.kind().description();
            case INPUT_SOURCE -> v instanceof Map ? null : "expected " + key.kind().description();
        };
        if (problem != null) {
            ctx.error(key, "wrong type for " + key.yamlName() + ": " + problem, v, key.kind().description());
        }
    }
}
