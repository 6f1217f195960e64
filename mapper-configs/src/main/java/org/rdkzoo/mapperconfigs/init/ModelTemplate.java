package org.rdkzoo.mapperconfigs.init;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The zoo's hb_mapper settings for one model.
 *
 * @param id              short id, the stem without {@code _224x224_nv12}, lower case ({@code efficientnet_b2})
 * @param stem            the published .bin stem ({@code EfficientNet_B2_224x224_nv12})
 * @param family          the zoo's family folder ({@code EfficientNet})
 * @param onnxFile        the zoo's ONNX file name, or {@code null} when the zoo publishes none
 * @param settings        hb_mapper keys and values the zoo's config sets (paths excepted)
 * @param int16Nodes      the node_info nodes the zoo keeps in int16 on the BPU, when known
 * @param nodeInfoUnknown the zoo's config has node_info entries whose node names we do not have
 * @param zooHasConfig    the zoo has a config for this model (else: X5 defaults)
 */
public record ModelTemplate(String id, String stem, String family, String onnxFile, Map<String, Object> settings,
        List<String> int16Nodes, boolean nodeInfoUnknown, boolean zooHasConfig) {

    public ModelTemplate {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        int16Nodes = List.copyOf(int16Nodes);
    }

    public Optional<String> onnx() {
        return Optional.ofNullable(onnxFile);
    }

    /** The stem without the resolution and input suffix: {@code EfficientNet_B2}, as the zoo names its YAML. */
    public String baseName() {
        return stem.replaceFirst("_224x224_nv12$", "");
    }
}
