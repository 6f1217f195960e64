package org.rdkzoo.mapperconfigs.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The zoo's own configs, reconstructed as test resources. */
public final class ZooConfigs {
    private ZooConfigs() {
    }

    /** The text of the zoo's EfficientNet_B2_config.yaml. */
    public static String efficientNetB2() {
        try (InputStream in = ZooConfigs.class.getResourceAsStream("EfficientNet_B2_config.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
