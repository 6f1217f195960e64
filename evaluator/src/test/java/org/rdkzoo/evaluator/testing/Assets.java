package org.rdkzoo.evaluator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared ImageNet assets ({@code -Drdkzoo.assets}, set by the parent pom); tests skip visibly without them. */
public final class Assets {
    private Assets() {
    }

    /** The assets folder, or a skipped test when it is absent. */
    public static Path require() {
        String property = System.getProperty("rdkzoo.assets");
        Path assets = property == null ? null : Path.of(property);
        assumeTrue(assets != null && Files.isDirectory(assets), (assets == null ? "system property rdkzoo.assets"
                : assets) + ": ../shared/assets not found: skipping the tests on real models and images");
        return assets;
    }

    public static Path model(String file) {
        return require().resolve("models").resolve(file);
    }

    public static Path images(String folder) {
        return require().resolve("images").resolve(folder);
    }

    public static Path labels(String file) {
        return require().resolve("labels").resolve(file);
    }
}
