package org.rdkzoo.mapperconfigs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InputNormalisationTest {
    private static MapperConfig input(String body) throws ConfigFormatException {
        return MapperConfigReader.parse("input_parameters:\n" + body, Path.of("cfg.yaml"));
    }

    @Test
    void theZoosImageNetMeanAndScaleArePerChannelInTrainingOrder() throws ConfigFormatException {
        InputNormalisation n = InputNormalisation.of(input("""
                  input_type_train: 'rgb'
                  input_layout_train: 'NCHW'
                  norm_type: 'data_mean_and_scale'
                  mean_value: 123.675 116.28 103.53
                  scale_value: 0.01712475 0.017507 0.01742919
                """));
        assertEquals(List.of(123.675, 116.28, 103.53), n.mean());
        assertEquals(List.of(0.01712475, 0.017507, 0.01742919), n.scale());
        assertEquals(Optional.of("RGB"), n.color());
        assertEquals(Optional.of("NCHW"), n.layout());
    }

    @Test
    void dataScaleLeavesTheMeanAtZeroRatherThanAPresetsDefault() throws ConfigFormatException {
        InputNormalisation n = InputNormalisation.of(input("""
                  input_type_train: 'bgr'
                  norm_type: 'data_scale'
                  scale_value: 0.003921568627451
                """));
        assertEquals(List.of(0.0), n.mean());
        assertEquals(List.of(0.003921568627451), n.scale());
        assertEquals(Optional.of("BGR"), n.color());
        assertEquals(Optional.empty(), n.layout());
    }

    @Test
    void noPreprocessIsTheIdentity() throws ConfigFormatException {
        InputNormalisation n = InputNormalisation.of(input("  input_type_train: 'featuremap'\n  norm_type: 'no_preprocess'\n"));
        assertEquals(List.of(0.0), n.mean());
        assertEquals(List.of(1.0), n.scale());
        assertEquals(Optional.empty(), n.color());
    }

    @Test
    void aMissingOrMalformedValueNamesTheFileAndKey() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> InputNormalisation.of(input("  norm_type: 'data_mean'\n")));
        assertTrue(missing.getMessage().startsWith("cfg.yaml: input_parameters.mean_value must give one number"),
                missing.getMessage());
        IllegalArgumentException twoValues = assertThrows(IllegalArgumentException.class,
                () -> InputNormalisation.of(input("  norm_type: 'data_scale'\n  scale_value: 0.5 0.25\n")));
        assertTrue(twoValues.getMessage().contains("has 2 values, expected 1 or 3"), twoValues.getMessage());
        IllegalArgumentException badType = assertThrows(IllegalArgumentException.class,
                () -> InputNormalisation.of(input("  norm_type: 'mean_only'\n")));
        assertTrue(badType.getMessage().contains("norm_type is 'mean_only'"), badType.getMessage());
    }
}
