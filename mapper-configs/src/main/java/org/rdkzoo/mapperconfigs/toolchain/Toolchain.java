package org.rdkzoo.mapperconfigs.toolchain;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A way to run {@code hb_mapper}: from {@code PATH} ({@link LocalToolchain}) or in the OE Docker image
 * ({@link DockerToolchain}). Callers describe the folders a run needs; the toolchain says how each host
 * path appears to hb_mapper and builds the argument list.
 */
public interface Toolchain {
    /** The OE image the zoo itself uses (rdk_model_zoo conversion READMEs). */
    String DEFAULT_IMAGE = "openexplorer/ai_toolchain_ubuntu_20_x5_cpu:v1.2.8";

    /** {@code docker} or {@code local}. */
    String kind();

    /** What to record about it: the image and its id/digest, or the hb_mapper path. */
    Map<String, String> describe();

    /**
     * Prepares one run in {@code workDir} (written by hb_mapper: its log, working_dir) that reads the
     * folders in {@code readOnly}, each under a role name ({@code model}, {@code calibration}) that gives
     * it a stable path in a container. {@code runName} names the run (the container) so it can be stopped.
     */
    Launch prepare(Path workDir, Map<String, Path> readOnly, String runName);

    /** One prepared run. */
    interface Launch {
        /** How {@code hostPath} (inside one of the prepared folders) appears to hb_mapper. */
        String path(Path hostPath);

        /** The full argument list that runs {@code hb_mapper} with {@code args}. */
        List<String> command(List<String> args);

        /** The working directory of the process on the host. */
        Path hostWorkDir();

        /** Stops what killing the process tree cannot reach (the container); a no-op locally. */
        void stop();

        /** Host folder to the path hb_mapper sees, for the record. */
        Map<String, String> mounts();
    }
}
