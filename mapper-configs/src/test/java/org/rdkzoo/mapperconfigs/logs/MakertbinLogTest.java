package org.rdkzoo.mapperconfigs.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;

class MakertbinLogTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = MakertbinLogTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheNewerLayoutWithVersionsEchoAndMarkers() throws IOException {
        MakertbinLog log = MakertbinLog.parse(fixture("makertbin-newer.log"));
        assertEquals(MakertbinLog.Format.NEWER, log.format());
        assertEquals(Map.of("hb_mapper", "1.24.3", "hbdk", "3.49.15", "horizon_nn", "1.1.0", "hbdk_runtime", "3.15.55.0"),
                log.versions());
        assertEquals(9, log.layers().size());
        assertEquals(new LayerSimilarity("HZ_PREPROCESS_FOR_data", "BPU", "id(0)", "HzSQuantizedPreprocess", 0.999957,
                127.0, "int8"), log.layers().get(0));
        assertEquals("int16", log.layers().get(2).dataType());
        assertEquals(List.of(new OutputSimilarity("output", 0.958731, 0.712004, 0.028861, 3.611205)), log.outputs());
        assertTrue(log.convertedToBin());
        assertTrue(log.ended());
        assertTrue(log.succeeded());
        assertEquals(List.of(), log.errors());
        assertEquals("max", log.calibrationMethod());
        assertEquals(100, log.calibrationSamples());
        assertEquals(new MakertbinLog.CompileEstimate(412.5, 2424.2, 9241344), log.estimate());
        assertEquals(List.of("EfficientNet_224x224_nv12_original_float_model.onnx",
                "EfficientNet_224x224_nv12_optimized_float_model.onnx", "EfficientNet_224x224_nv12_calibrated_model.onnx",
                "EfficientNet_224x224_nv12_quantized_model.onnx"), log.savedModels());
    }

    @Test
    void readsTheEchoedParametersIncludingTheOddlyPunctuatedOnes() throws IOException {
        Map<String, String> p = MakertbinLog.parse(fixture("makertbin-newer.log")).parameters();
        assertEquals("nv12", p.get("input_type_rt"));
        assertEquals("default", p.get("calibration_type"), "'calibration_type:   : default' is how 1.24 prints it");
        assertEquals("False", p.get("per_channel"));
        assertEquals("--O3 --core-num 1 --fast", p.get("hbdk_pass_through_params"));
        assertEquals("{'data': 'pyramid', '_default_value': 'ddr'}", p.get("input-source"));
        assertEquals("regular", p.get("input_space&range"));
        assertEquals("bayes-e", p.get("BPU march"));
    }

    @Test
    void keepsCutNamesDashCellsAndCpuRows() throws IOException {
        MakertbinLog log = MakertbinLog.parse(fixture("makertbin-newer.log"));
        LayerSimilarity requantize = log.layers().get(3);
        assertEquals("...ocks.1/blocks.1.0/se/conv_reduce/Conv_output_0_calibrated_Requantize", requantize.node());
        assertTrue(requantize.nameTruncated());
        assertNull(requantize.cosine());
        assertNull(requantize.threshold());
        LayerSimilarity reshape = log.layers().get(8);
        assertEquals("CPU", reshape.on());
        assertNull(reshape.subgraph());
        assertEquals(0.958731, reshape.cosine());
        assertNull(reshape.threshold());
        assertEquals("float", reshape.dataType());
    }

    @Test
    void readsTheOlderLayoutWithInOutTypesAndNodeOutputTable() throws IOException {
        MakertbinLog log = MakertbinLog.parse(fixture("makertbin-older.log"));
        assertEquals(MakertbinLog.Format.OLDER, log.format());
        assertEquals("1.23.8", log.versions().get("hb_mapper"));
        assertEquals("3.15.47.0", log.versions().get("hbdk_runtime"));
        assertEquals(7, log.layers().size());
        assertEquals("...ge1.0/nonlinearity/Relu_output_0_calibrated_pad", log.layers().get(2).node());
        assertEquals("int8/int32", log.layers().get(5).dataType());
        LayerSimilarity cpu = log.layers().get(6);
        assertEquals(new LayerSimilarity("/linear/Gemm_reshape_output", "CPU", null, "Reshape", 0.768926, null,
                "float/float"), cpu);
        assertEquals(List.of(new OutputSimilarity("/linear/Gemm", 0.768926, 1.503200, 0.060809, 8.068202)), log.outputs());
        assertEquals("default", log.parameters().get("calibration_type"));
        assertTrue(log.succeeded());
    }

    @Test
    void readsTheSampleRowsQuotedInTheReference() {
        // The rows rdk-x5-toolchain.md 2.6 quotes, under the header each belongs to.
        String text = """
                2025-07-24 00:30:24,751 file: print_info_dict.py func: print_info_dict line No: 72 The main quantized node information:
                ==============================================================================================================
                Node                      ON   Subgraph  Type                    Cosine Similarity  Threshold  DataType
                --------------------------------------------------------------------------------------------------------------
                HZ_PREPROCESS_FOR_images  BPU  id(0)     HzSQuantizedPreprocess  0.999957           127.0      int8
                2025-07-24 00:30:24,752 file: print_info_dict.py func: print_info_dict line No: 72 The quantized model output:
                =============================================================================
                Output      Cosine Similarity  L1 Distance  L2 Distance  Chebyshev Distance
                -----------------------------------------------------------------------------
                output0     0.952623           0.723058     0.029104     3.705106
                """;
        MakertbinLog log = MakertbinLog.parse(text);
        assertEquals(List.of(new LayerSimilarity("HZ_PREPROCESS_FOR_images", "BPU", "id(0)", "HzSQuantizedPreprocess",
                0.999957, 127.0, "int8")), log.layers());
        assertEquals(List.of(new OutputSimilarity("output0", 0.952623, 0.723058, 0.029104, 3.705106)), log.outputs());
        assertFalse(log.succeeded(), "no success marker in a fragment");
    }

    @Test
    void anOlderRowWithEmptyTrailingCellsKeepsItsColumns() {
        String text = """
                2021-04-20 17:06:20,300 INFO The main quantized node information:
                ===================================================================================================
                Node                    ON   Subgraph  Type                    Cosine Similarity  Threshold   In/Out DataType
                ---------------------------------------------------------------------------------------------------
                ip2                     BPU  id(0)     HzSQuantizedConv        0.999989           2438.901855
                ip2_reshape_0           CPU  --        Reshape
                2021-04-20 17:06:20,339 INFO The quantify model output:
                """;
        MakertbinLog log = MakertbinLog.parse(text);
        assertEquals(new LayerSimilarity("ip2", "BPU", "id(0)", "HzSQuantizedConv", 0.999989, 2438.901855, null),
                log.layers().get(0));
        assertEquals(new LayerSimilarity("ip2_reshape_0", "CPU", null, "Reshape", null, null, null), log.layers().get(1));
    }

    @Test
    void aRefusedConfigHasErrorsAndNoTables() throws IOException {
        MakertbinLog log = MakertbinLog.parse(fixture("makertbin-yaml-error.log"));
        assertEquals(MakertbinLog.Format.NONE, log.format());
        assertTrue(log.layers().isEmpty());
        assertTrue(log.outputs().isEmpty());
        assertFalse(log.succeeded());
        assertTrue(log.configRejected());
        assertEquals(List.of("Key 'model_parameters' error: Missing keys: 'onnx_model'",
                "yaml file parse failed. Please double check your input", "exception in command: makertbin"), log.errors());
        assertEquals("Key 'model_parameters' error: Missing keys: 'onnx_model'; yaml file parse failed. Please double "
                + "check your input", log.failureSummary());
    }

    @Test
    void aLogCutMidTableKeepsTheRowsBeforeTheCut() throws IOException {
        String full = fixture("makertbin-newer.log");
        int cut = full.indexOf("0.973210") + 4; // inside a cosine cell, as a crash leaves it
        MakertbinLog log = MakertbinLog.parse(full.substring(0, cut));
        assertEquals(5, log.layers().size());
        assertEquals(0.97, log.layers().get(4).cosine(), 1e-12);
        assertNull(log.layers().get(4).threshold());
        assertTrue(log.outputs().isEmpty());
        assertFalse(log.succeeded());
        assertEquals("1.24.3", log.versions().get("hb_mapper"));
    }

    @Test
    void consoleColoursAndBareErrorLevelsAreUnderstood() {
        MakertbinLog log = MakertbinLog.parse("\u001B[31mERROR\u001B[0m exception in command: makertbin\n");
        assertEquals(List.of("exception in command: makertbin"), log.errors());
    }
}
