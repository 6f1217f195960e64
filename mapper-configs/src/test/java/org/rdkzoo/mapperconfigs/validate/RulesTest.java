package org.rdkzoo.mapperconfigs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rdkzoo.mapperconfigs.validate.Checks.assertClean;
import static org.rdkzoo.mapperconfigs.validate.Checks.only;
import static org.rdkzoo.mapperconfigs.validate.Checks.run;
import static org.rdkzoo.mapperconfigs.validate.Checks.zooB2;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;
import org.rdkzoo.mapperconfigs.config.NodeSetting;

/** The value and cross-field rules, each check on its own, starting from the zoo's valid B2 config. */
class RulesTest {

    @Nested
    class ModelParameters {
        private final ModelParametersCheck check = new ModelParametersCheck();

        @Test
        void anotherBoardsMarchIsNamedAsSuch() {
            Diagnostic d = only(run(check, zooB2().with(ConfigKey.MARCH, "bernoulli2")));
            assertTrue(d.message().contains("the RDK X3's architecture; the RDK X5 is bayes-e"), d.message());
            assertEquals(6, d.line());
            assertEquals("'bernoulli2'", d.found());
        }

        @Test
        void aModelIsRequiredAndOnlyOne() {
            assertTrue(only(run(check, zooB2().without(ConfigKey.ONNX_MODEL))).message().contains("missing the model"));
            assertTrue(run(check, zooB2().with(ConfigKey.CAFFE_MODEL, "m.caffemodel")).stream()
                    .anyMatch(d -> d.message().contains("not both")));
        }

        @Test
        void thePrefixIsAFileNameStem() {
            assertTrue(only(run(check, zooB2().with(ConfigKey.OUTPUT_MODEL_FILE_PREFIX, "out/model"))).message()
                    .contains("not a path"));
        }

        @Test
        void layerOutDumpIsAWarningAndRemoveNodeTypeWordsAreChecked() {
            Diagnostic dump = only(run(check, zooB2().with(ConfigKey.LAYER_OUT_DUMP, true)));
            assertEquals(Severity.WARNING, dump.severity());
            Diagnostic type = only(run(check, zooB2().with(ConfigKey.REMOVE_NODE_TYPE, "Quantize;Dequantise;Reshape")));
            assertTrue(type.message().contains("'Dequantise'") && type.message().contains("did you mean 'Dequantize'?"),
                    type.message());
        }
    }

    @Nested
    class NodeInfo {
        private final NodeInfoCheck check = new NodeInfoCheck();

        @Test
        void theZoosInt16EntriesPass() {
            assertClean(run(check, zooB2()));
        }

        @Test
        void badFieldsAndValuesArePointedAt() {
            MapperConfig c = zooB2().withNodeInfo(Map.of("/a/Conv", new NodeSetting(Map.of(
                    "ON", "GPU", "InputType", "int32", "OutputType0", "int16", "Ouputtype", "int16"))));
            List<Diagnostic> ds = run(check, c);
            String all = Checks.render(ds);
            assertEquals(4, ds.size(), all);
            assertTrue(all.contains("must run ON 'BPU' or 'CPU'"), all);
            assertTrue(all.contains("InputType must be int8 or int16 (found 'int32'"), all);
            assertTrue(all.contains("there is no OutputType0"), all);
            assertTrue(all.contains("unknown field 'Ouputtype'; did you mean 'OutputType'?"), all);
        }
    }

    @Nested
    class InputParameters {
        private final InputParametersCheck check = new InputParametersCheck();

        @Test
        void trainingToRuntimeTypePairsFollowTheToolchain() {
            assertClean(run(check, zooB2()));
            Diagnostic d = only(run(check, zooB2().with(ConfigKey.INPUT_TYPE_TRAIN, "gray").with(ConfigKey.MEAN_VALUE, 128L)
                    .with(ConfigKey.SCALE_VALUE, 0.0078125)));
            assertTrue(d.message().contains("trained on gray input cannot take nv12"), d.message());
            assertEquals("gray", d.allowed());
            assertClean(run(check, zooB2().with(ConfigKey.INPUT_TYPE_TRAIN, "bgr").with(ConfigKey.INPUT_TYPE_RT, "yuv444")));
            assertEquals("nv12, yuv444", only(run(check, zooB2().with(ConfigKey.INPUT_TYPE_TRAIN, "yuv444")
                    .with(ConfigKey.INPUT_TYPE_RT, "rgb"))).allowed());
        }

        @Test
        void meanAndScaleComeOnePerChannelOrOneForAll() {
            assertClean(run(check, zooB2().with(ConfigKey.MEAN_VALUE, 128L).with(ConfigKey.SCALE_VALUE, "0.0078125")));
            Diagnostic d = only(run(check, zooB2().with(ConfigKey.MEAN_VALUE, "123.675 116.28")));
            assertTrue(d.message().contains("one value or one per channel (3 for rgb)"), d.message());
            assertTrue(only(run(check, zooB2().with(ConfigKey.SCALE_VALUE, "0 0 0"))).message().contains("scale of 0"));
        }

        @Test
        void normTypeDecidesWhichValuesAreNeeded() {
            Diagnostic missing = only(run(check, zooB2().without(ConfigKey.SCALE_VALUE)));
            assertTrue(missing.message().contains("norm_type data_mean_and_scale needs scale_value"), missing.message());
            Diagnostic ignored = only(run(check, zooB2().with(ConfigKey.NORM_TYPE, "data_mean")));
            assertEquals(Severity.WARNING, ignored.severity());
            assertEquals("input_parameters.scale_value", ignored.key());
            assertEquals(2, run(check, zooB2().with(ConfigKey.NORM_TYPE, "no_preprocess")).size());
        }

        @Test
        void nv12NeedsEvenHeightAndWidth() {
            Diagnostic d = only(run(check, zooB2().with(ConfigKey.INPUT_SHAPE, "1x3x225x224")));
            assertTrue(d.message().contains("nv12 input needs an even height and width"), d.message());
            assertEquals("'225x224'", d.found());
            assertClean(run(check, zooB2().with(ConfigKey.INPUT_SHAPE, "1x3x225x224").with(ConfigKey.INPUT_TYPE_RT, "rgb")));
        }

        @Test
        void valueCountsMustMatchTheNumberOfInputs() {
            List<Diagnostic> ds = run(check, zooB2().with(ConfigKey.INPUT_NAME, "a;b").with(ConfigKey.INPUT_TYPE_RT, "nv12;rgb;bgr"));
            assertTrue(Checks.render(ds).contains("input_type_rt has 3 values for 2 input(s)"), Checks.render(ds));
            assertTrue(only(run(check, zooB2().with(ConfigKey.INPUT_BATCH, 200L))).message().contains("between 1 and 128"));
            assertTrue(only(run(check, zooB2().with(ConfigKey.INPUT_TYPE_RT, "rgb").with(ConfigKey.INPUT_SPACE_AND_RANGE,
                    "bt601_video"))).message().contains("only when input_type_rt is nv12"));
        }
    }

    @Nested
    class CalibrationParameters {
        private final CalibrationParametersCheck check = new CalibrationParametersCheck();

        @Test
        void maxPercentileGoesOnlyWithMax() {
            assertClean(run(check, zooB2().withCalibrationType("max").withMaxPercentile(0.99995)));
            Diagnostic d = only(run(check, zooB2().withCalibrationType("kl").withMaxPercentile(0.99995)));
            assertTrue(d.message().contains("only with calibration_type max"), d.message());
            assertTrue(only(run(check, zooB2().withCalibrationType("max").withMaxPercentile(99.99))).message()
                    .contains("between 0 and 1"));
        }

        @Test
        void perChannelIsNotForDefault() {
            assertClean(run(check, zooB2().withCalibrationType("kl").withPerChannel(true)));
            Diagnostic d = only(run(check, zooB2().withPerChannel(true)));
            assertTrue(d.message().contains("per_channel cannot be set with calibration_type default"), d.message());
        }

        @Test
        void calibrationDataIsNeededUnlessLoadOrSkip() {
            assertTrue(only(run(check, zooB2().without(ConfigKey.CAL_DATA_DIR))).message().contains("needs calibration data"));
            Diagnostic skip = only(run(check, zooB2().withCalibrationType("skip").without(ConfigKey.CAL_DATA_DIR)));
            assertEquals(Severity.WARNING, skip.severity());
            Diagnostic noType = only(run(check, zooB2().without(ConfigKey.CAL_DATA_TYPE)));
            assertTrue(noType.message().contains("_f32"), noType.message());
            Diagnostic typo = only(run(check, zooB2().withCalibrationType("maxx")));
            assertTrue(typo.message().contains("did you mean 'max'?"), typo.message());
        }

        @Test
        void optimizationWordsIncludeTheZoosCommaSeparatedPair() {
            assertClean(run(check, zooB2().with(ConfigKey.OPTIMIZATION, "set_Softmax_input_int8,set_Softmax_output_int8")));
            assertTrue(only(run(check, zooB2().with(ConfigKey.OPTIMIZATION, "set_all_node_int16"))).message()
                    .contains("did you mean 'set_all_nodes_int16'?"));
        }
    }

    @Nested
    class CompilerParameters {
        private final CompilerParametersCheck check = new CompilerParametersCheck();

        @Test
        void coreNumIsRefusedOnTheX5() {
            Diagnostic d = only(run(check, zooB2().with(ConfigKey.CORE_NUM, 2L)));
            assertTrue(d.message().contains("not supported on the RDK X5"), d.message());
        }

        @Test
        void limitsAndWordsAreChecked() {
            assertTrue(only(run(check, zooB2().with(ConfigKey.MAX_TIME_PER_FC, 500L))).message().contains("1000 to 4294967295"));
            assertClean(run(check, zooB2().with(ConfigKey.MAX_TIME_PER_FC, 0L).with(ConfigKey.JOBS, 4L)));
            assertEquals("1 or more", only(run(check, zooB2().with(ConfigKey.JOBS, 0L))).allowed());
            assertTrue(only(run(check, zooB2().with(ConfigKey.OPTIMIZE_LEVEL, "03"))).message().contains("did you mean 'O3'?"));
            assertTrue(!only(run(check, zooB2().with(ConfigKey.OPTIMIZE_LEVEL, "O4"))).message().contains("did you mean"),
                    "O0 to O3 are all one edit away: no guess");
            Diagnostic src = only(run(check, zooB2().with(ConfigKey.INPUT_SOURCE, Map.of("data", "pyramd"))));
            assertEquals("compiler_parameters.input_source.data", src.key());
            assertTrue(src.message().contains("did you mean 'pyramid'?"), src.message());
        }
    }

    @Test
    void didYouMeanFindsTyposNotGuesses() {
        List<String> keys = List.of("calibration_type", "cal_data_dir", "max_percentile");
        assertEquals("calibration_type", DidYouMean.suggest("calibation_type", keys).orElseThrow());
        assertEquals("max_percentile", DidYouMean.suggest("max_precentile", keys).orElseThrow(), "a swap");
        assertTrue(DidYouMean.suggest("optimize_level", keys).isEmpty());
        assertEquals("/blocks/blocks.6/blocks.6.0/se/ReduceMean", DidYouMean.suggest("/blocks/blocks.6/blocks.6.0/se/ReduceMaen",
                List.of("/blocks/blocks.6/blocks.6.0/se/ReduceMean", "/blocks/blocks.5/blocks.5.0/se/ReduceMean")).orElseThrow());
    }
}
