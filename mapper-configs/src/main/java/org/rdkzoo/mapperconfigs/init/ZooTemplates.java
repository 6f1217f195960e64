package org.rdkzoo.mapperconfigs.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The zoo's per-model hb_mapper settings ({@code zoo-templates.yaml}, transcribed from the zoo's
 * configs), looked up by the published .bin stem ({@code EfficientNet_B2_224x224_nv12}). Names users
 * type are resolved by the model catalog (the {@code downloader} module, through the cli), which then
 * asks here for its entry's stem; the two agree on all 53 models (a cli test holds them to it).
 */
public final class ZooTemplates {
    private static final String SUFFIX = "_224x224_nv12";
    private static final List<ModelTemplate> ALL = load();

    private ZooTemplates() {
    }

    public static List<ModelTemplate> all() {
        return ALL;
    }

    /** The template for a .bin stem ({@code EfficientNet_B2_224x224_nv12}), in any case. */
    public static Optional<ModelTemplate> forStem(String stem) {
        return ALL.stream().filter(t -> t.stem().equalsIgnoreCase(stem.trim())).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<ModelTemplate> load() {
        Map<String, Object> doc;
        try (InputStream in = ZooTemplates.class.getResourceAsStream("zoo-templates.yaml")) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> common = (Map<String, Object>) doc.get("common");
        List<ModelTemplate> out = new ArrayList<>();
        Map<String, Object> families = (Map<String, Object>) doc.get("families");
        families.forEach((family, f) -> {
            Map<String, Object> fam = (Map<String, Object>) f;
            boolean hasConfig = !Boolean.FALSE.equals(fam.get("config"));
            Map<String, Object> models = (Map<String, Object>) fam.get("models");
            models.forEach((stem, m) -> {
                Map<String, Object> model = (Map<String, Object>) m;
                Map<String, Object> settings = new LinkedHashMap<>(common);
                if (hasConfig) {
                    settings.putAll((Map<String, Object>) fam.getOrDefault("settings", Map.of()));
                    settings.putAll((Map<String, Object>) model.getOrDefault("settings", Map.of()));
                }
                boolean unknownNodes = "unknown".equals(model.getOrDefault("node_info", fam.get("node_info")));
                out.add(new ModelTemplate(id(stem), stem, family, (String) model.get("onnx"), settings,
                        (List<String>) model.getOrDefault("int16_nodes", List.of()), unknownNodes, hasConfig));
            });
        });
        return List.copyOf(out);
    }

    static String id(String stem) {
        return stem.replaceFirst(SUFFIX + "$", "").toLowerCase(Locale.ROOT);
    }
}
