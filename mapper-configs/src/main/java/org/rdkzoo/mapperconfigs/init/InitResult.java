package org.rdkzoo.mapperconfigs.init;

import java.util.List;

import org.rdkzoo.mapperconfigs.config.MapperConfig;

/**
 * A config made by {@code mapper init}, before it is written.
 *
 * @param config   the config
 * @param fileName the file name to write it under ({@code EfficientNet_B2_config.yaml})
 * @param from     what it was made from, for the header comment
 * @param notes    lines for the header comment: how it differs from the zoo's, what is unknown
 */
public record InitResult(MapperConfig config, String fileName, String from, List<String> notes) {
    public InitResult {
        notes = List.copyOf(notes);
    }
}
