package org.rdkzoo.mapperconfigs.init;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked to differ from the template or the X5 defaults; {@code null} fields keep them.
 *
 * @param onnx            the ONNX model to point at
 * @param outDir          where the config is written (relative paths in it start there)
 * @param calibrationType calibration_type
 * @param maxPercentile   max_percentile
 * @param perChannel      per_channel
 * @param inputTypeRt     input_type_rt
 * @param normType        norm_type
 * @param mean            mean_value, numbers separated by spaces
 * @param scale           scale_value, numbers separated by spaces
 * @param optimizeLevel   optimize_level
 * @param calDataDir      cal_data_dir
 * @param workingDir      working_dir
 * @param prefix          output_model_file_prefix
 * @param int16Nodes      nodes to add to node_info as int16 on the BPU
 */
public record InitOptions(Path onnx, Path outDir, String calibrationType, Double maxPercentile, Boolean perChannel,
        String inputTypeRt, String normType, String mean, String scale, String optimizeLevel, Path calDataDir,
        String workingDir, String prefix, List<String> int16Nodes) {

    public InitOptions {
        outDir = outDir == null ? Path.of("").toAbsolutePath() : outDir.toAbsolutePath();
        int16Nodes = int16Nodes == null ? List.of() : List.copyOf(int16Nodes);
    }

    /** Nothing overridden; written to {@code outDir}. */
    public static InitOptions defaults(Path outDir) {
        return new InitOptions(null, outDir, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    public InitOptions withOnnx(Path path) {
        return new InitOptions(path, outDir, calibrationType, maxPercentile, perChannel, inputTypeRt, normType, mean, scale,
                optimizeLevel, calDataDir, workingDir, prefix, int16Nodes);
    }

    public InitOptions withCalibration(String type, Double percentile, Boolean channel) {
        return new InitOptions(onnx, outDir, type, percentile, channel, inputTypeRt, normType, mean, scale, optimizeLevel,
                calDataDir, workingDir, prefix, int16Nodes);
    }

    public InitOptions withCalDataDir(Path dir) {
        return new InitOptions(onnx, outDir, calibrationType, maxPercentile, perChannel, inputTypeRt, normType, mean, scale,
                optimizeLevel, dir, workingDir, prefix, int16Nodes);
    }

    public InitOptions withInt16Nodes(List<String> nodes) {
        return new InitOptions(onnx, outDir, calibrationType, maxPercentile, perChannel, inputTypeRt, normType, mean, scale,
                optimizeLevel, calDataDir, workingDir, prefix, nodes);
    }
}
