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

import org.rdkzoo.mapperconfigs.validate.DidYouMean;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The zoo's per-model hb_mapper settings ({@code zoo-templates.yaml}, transcribed from the zoo's
 * configs), looked up by short id ({@code efficientnet_b2}), .bin stem
 * ({@code EfficientNet_B2_224x224_nv12}) or the zoo's YAML name ({@code EfficientNet_B2}), in any case.
 */
public final class ZooTemplates {
    private static final String SUFFIX = "_224x224_nv12";
    private static final List<ModelTemplate> ALL = load();

    private ZooTemplates() {
    }

    public static List<ModelTemplate> all() {
        return ALL;
    }

    public static Optional<ModelTemplate> find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ModelTemplate t : ALL) {
            if (t.id().equals(n) || t.stem().toLowerCase(Locale.ROOT).equals(n)
                    || t.baseName().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The id nearest to a misspelt name, if any is near. */
    public static Optional<String> suggest(String name) {
        return DidYouMean.suggest(name.toLowerCase(Locale.ROOT), ALL.stream().map(ModelTemplate::id).toList());
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
