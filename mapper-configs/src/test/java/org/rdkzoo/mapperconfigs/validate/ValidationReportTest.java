package org.rdkzoo.mapperconfigs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.json.Json;

class ValidationReportTest {
    private static final Path A = Path.of("a.yaml");
    private static final Diagnostic ERROR = new Diagnostic(Severity.ERROR, A, 55, 21, "calibration_parameters.calibration_type",
            "unknown calibration_type; did you mean 'max'?", "'maxx'", "default, mix, kl, max, load, skip");
    private static final Diagnostic WARNING = new Diagnostic(Severity.WARNING, A, 3, 19, "model_parameters.layer_out_dump",
            "layer_out_dump slows the model", "True", null);

    private static ValidationReport report(boolean strict, List<Diagnostic> a) {
        Map<Path, List<Diagnostic>> files = new LinkedHashMap<>();
        files.put(A, a);
        files.put(Path.of("b.yaml"), List.of());
        return new ValidationReport(files, strict);
    }

    @Test
    void textIsOneCompilerStyleLinePerFindingAndASummary() {
        String text = report(false, List.of(WARNING, ERROR)).text();
        assertEquals("""
                a.yaml:3:19: warning: model_parameters.layer_out_dump: layer_out_dump slows the model (found True)
                a.yaml:55:21: error: calibration_parameters.calibration_type: unknown calibration_type; did you mean 'max'? \
                (found 'maxx'; allowed: default, mix, kl, max, load, skip)
                FAILED: 2 configs, 1 error, 1 warning
                """, text);
    }

    @Test
    void warningsFailOnlyWhenStrict() {
        assertTrue(report(false, List.of(WARNING)).passed());
        ValidationReport strict = report(true, List.of(WARNING));
        assertFalse(strict.passed());
        assertTrue(strict.summary().contains("--strict"), strict.summary());
    }

    @Test
    void jsonCarriesEveryFieldOfEveryFinding() throws Exception {
        var tree = Json.mapper().readTree(Json.write(report(false, List.of(ERROR)).json()));
        assertFalse(tree.get("passed").asBoolean());
        assertEquals(1, tree.get("errors").asInt());
        var d = tree.get("files").get(0).get("diagnostics").get(0);
        assertEquals("error", d.get("severity").asText());
        assertEquals("a.yaml", d.get("file").asText());
        assertEquals(55, d.get("line").asInt());
        assertEquals(21, d.get("column").asInt());
        assertEquals("calibration_parameters.calibration_type", d.get("key").asText());
        assertEquals("'maxx'", d.get("found").asText());
        assertEquals("default, mix, kl, max, load, skip", d.get("allowed").asText());
        assertEquals(0, tree.get("files").get(1).get("diagnostics").size());
    }
}
