package org.rdkzoo.mapperconfigs.validate;

import org.rdkzoo.mapperconfigs.config.ConfigKey;

/** The check shared by keys that take words from a fixed set (each item, for ';'-separated lists). */
final class AllowedWords {
    private AllowedWords() {
    }

    static void check(CheckContext ctx, ConfigKey key) {
        if (!(ctx.config().get(key) instanceof String)) {
            return;
        }
        for (String item : ctx.config().list(key)) {
            if (!key.allowed().contains(item)) {
                ctx.error(key, "'" + item + "' is not a value the X5 takes for " + key.yamlName()
                        + CheckContext.didYouMean(item, key.allowed()), item, String.join(", ", key.allowed()));
            }
        }
    }
}
