package org.rdkzoo.mapperconfigs.config;

import java.util.Optional;

/** The sections of an hb_mapper config, in the order the toolchain documents and writes them. */
public enum Section {
    MODEL_PARAMETERS("model_parameters", true),
    INPUT_PARAMETERS("input_parameters", true),
    CALIBRATION_PARAMETERS("calibration_parameters", true),
    COMPILER_PARAMETERS("compiler_parameters", true),
    /** Only for models with custom CPU operators. */
    CUSTOM_OP("custom_op", false);

    private final String yamlName;
    private final boolean mandatory;

    Section(String yamlName, boolean mandatory) {
        this.yamlName = yamlName;
        this.mandatory = mandatory;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean mandatory() {
        return mandatory;
    }

    public static Optional<Section> of(String yamlName) {
        for (Section s : values()) {
            if (s.yamlName.equals(yamlName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
