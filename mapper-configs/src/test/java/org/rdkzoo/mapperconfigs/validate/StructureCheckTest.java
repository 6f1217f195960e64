package org.rdkzoo.mapperconfigs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.mapperconfigs.validate.Checks.only;
import static org.rdkzoo.mapperconfigs.validate.Checks.run;
import static org.rdkzoo.mapperconfigs.validate.Checks.yaml;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.mapperconfigs.config.ZooConfigs;

class StructureCheckTest {
    private final StructureCheck check = new StructureCheck();

    @Test
    void theZooConfigHasNothingToReport() {
        Checks.assertClean(Checks.all(Checks.zooB2()));
    }

    @Test
    void aMisspeltKeyIsPlacedAndCorrected() {
        String text = ZooConfigs.efficientNetB2().replace("calibration_type: 'default'", "calibation_type: 'default'");
        Diagnostic d = only(run(check, yaml(text)));
        assertEquals(Severity.ERROR, d.severity());
        assertEquals(Checks.FILE, d.file());
        assertEquals(55, d.line());
        assertEquals(3, d.column());
        assertEquals("calibration_parameters.calibation_type", d.key());
        assertTrue(d.message().contains("did you mean 'calibration_type'?"), d.message());
    }

    @Test
    void aKeyInTheWrongSectionIsSentWhereItBelongs() {
        Diagnostic d = only(run(check, yaml("""
                        model_parameters: {onnx_model: m.onnx, march: bayes-e, output_model_file_prefix: p, calibration_type: kl}
                        input_parameters: {input_type_rt: nv12, input_type_train: rgb, input_layout_train: NCHW, norm_type: no_preprocess}
                        calibration_parameters: {cal_data_dir: d, cal_data_type: float32}
                        compiler_parameters: {optimize_level: O3}
                        """)));
        assertEquals("model_parameters.calibration_type", d.key());
        assertTrue(d.message().contains("belongs in calibration_parameters"), d.message());
    }

    @Test
    void missingSectionsAndMandatoryKeysAreErrors() {
        List<Diagnostic> ds = run(check, yaml("""
                model_parameters: {onnx_model: m.onnx, output_model_file_prefix: p}
                input_parameters: {input_type_rt: nv12, input_type_train: rgb, input_layout_train: NCHW, norm_type: no_preprocess}
                compiler_parameters: {}
                complier_parameters: {}
                """));
        List<String> keys = ds.stream().map(Diagnostic::key).toList();
        assertTrue(keys.containsAll(List.of("calibration_parameters", "model_parameters.march",
                "compiler_parameters.optimize_level", "complier_parameters")), Checks.render(ds));
        Diagnostic unknown = ds.stream().filter(d -> d.key().equals("complier_parameters")).findFirst().orElseThrow();
        assertTrue(unknown.message().contains("did you mean 'compiler_parameters'?"), unknown.message());
        Diagnostic march = ds.stream().filter(d -> d.key().equals("model_parameters.march")).findFirst().orElseThrow();
        assertEquals(1, march.line(), "missing keys point at their section");
        assertEquals("bayes-e", march.allowed());
    }

    @Test
    void valuesOfTheWrongTypeSayWhatPyYamlMadeOfThem() {
        List<Diagnostic> ds = run(check, yaml("""
                model_parameters: {onnx_model: m.onnx, march: bayes-e, output_model_file_prefix: p, layer_out_dump: 'False',
                  output_nodes: [a, b]}
                input_parameters: {input_type_rt: nv12, input_type_train: rgb, input_layout_train: NCHW, norm_type: no_preprocess,
                  input_shape: 1x3x224xa, mean_value: 1 2 x}
                calibration_parameters: {cal_data_dir: d, max_percentile: 1e-4, per_channel: 1}
                compiler_parameters: {optimize_level: O3, jobs: 4.0, debug: }
                """));
        String all = Checks.render(ds);
        assertTrue(all.contains("layer_out_dump: wrong type for layer_out_dump: a quoted 'False' is a string to PyYAML"), all);
        assertTrue(all.contains("output_nodes: wrong type for output_nodes: write the names in one string separated by ';'"), all);
        assertTrue(all.contains("max_percentile: wrong type for max_percentile: PyYAML reads '1e-4' as a string"), all);
        assertTrue(all.contains("per_channel: wrong type for per_channel: expected True or False (found 1;"), all);
        assertTrue(all.contains("jobs: wrong type for jobs: expected an integer (found 4.0;"), all);
        assertTrue(all.contains("mean_value: wrong type"), all);
        assertTrue(all.contains("input_shape: wrong type"), all);
        assertTrue(all.contains("warning: compiler_parameters.debug: debug is empty (PyYAML reads None)"), all);
    }

    @Test
    void aKeyGivenTwiceIsAWarning() {
        Diagnostic d = only(run(check, yaml(ZooConfigs.efficientNetB2()
                + "  optimize_level: 'O2'\n")));
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().contains("PyYAML keeps the last (the first is at line 59)"), d.message());
    }
}
