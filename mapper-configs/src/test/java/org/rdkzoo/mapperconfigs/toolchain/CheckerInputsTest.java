package org.rdkzoo.mapperconfigs.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;

class CheckerInputsTest {
    /** One input with these dimensions (negative: symbolic), passed through an Identity. */
    private static OnnxModel model(String input, long... dims) {
        return new OnnxBuilder("g", 11).input(input, DataType.FLOAT, dims)
                .node("Identity", "id", List.of(input), List.of("out"))
                .output("out", DataType.FLOAT, dims).build();
    }

    @Test
    void aModelWithFixedDimensionsGetsNoShapeTheCheckerReadsItItself() {
        assertEquals(List.of(), CheckerInputs.shapes(MapperConfig.empty(), model("data", 1, 3, 224, 224), Map.of()));
    }

    @Test
    void aSymbolicBatchIsPassedAsOneUnderTheNameReadFromTheGraph() {
        List<CheckerInputs.Shape> s = CheckerInputs.shapes(MapperConfig.empty(), model("images", -1, 3, 224, 224), Map.of());
        assertEquals(1, s.size());
        assertEquals("images", s.get(0).input());
        assertEquals("1x3x224x224", s.get(0).shape());
        assertTrue(s.get(0).from().contains("Nx3x224x224"), s.get(0).from());
    }

    @Test
    void theConfigsInputShapeWithoutAnInputNameGoesToTheModelsInput() {
        // The zoo's configs leave input_name empty; the shape still needs a name on the checker's command line.
        MapperConfig zooLike = MapperConfig.empty().with(ConfigKey.INPUT_NAME, "").with(ConfigKey.INPUT_SHAPE, "1x3x224x224");
        assertEquals(List.of(new CheckerInputs.Shape("data", "1x3x224x224", "config input_shape")),
                CheckerInputs.shapes(zooLike, model("data", -1, 3, 224, 224), Map.of()));
        MapperConfig named = MapperConfig.empty().with(ConfigKey.INPUT_NAME, "data").with(ConfigKey.INPUT_SHAPE, "1x3x256x256");
        assertEquals("1x3x256x256", CheckerInputs.shapes(named, model("data", 1, 3, 256, 256), Map.of()).get(0).shape());
    }

    @Test
    void theUsersShapeWinsAndOtherSymbolicDimensionsAreAskedFor() {
        OnnxModel dynamic = model("data", -1, 3, -1, -1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckerInputs.shapes(MapperConfig.empty(), dynamic, Map.of()));
        assertTrue(e.getMessage().contains("input data is Nx3xNxN") && e.getMessage().contains("--input-shape data="),
                e.getMessage());
        assertEquals(List.of(new CheckerInputs.Shape("data", "1x3x160x160", "--input-shape")),
                CheckerInputs.shapes(MapperConfig.empty().with(ConfigKey.INPUT_SHAPE, "1x3x224x224"), dynamic,
                        Map.of("data", "1x3x160x160")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CheckerInputs.shapes(MapperConfig.empty(), dynamic,
                Map.of("data", "224 by 224"))).getMessage().contains("is not a shape like 1x3x224x224"));
    }
}
