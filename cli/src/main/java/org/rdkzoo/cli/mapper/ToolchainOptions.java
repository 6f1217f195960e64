package org.rdkzoo.cli.mapper;

import java.nio.file.Path;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.mapperconfigs.toolchain.Toolchain;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainLocator;
import org.rdkzoo.mapperconfigs.toolchain.ToolchainUnavailableException;

import picocli.CommandLine.Option;

/** The options every toolchain command shares: which toolchain, which image, which workspace. */
public final class ToolchainOptions {
    @Option(names = "--toolchain", paramLabel = "KIND",
            description = "auto, docker or local (default: ${DEFAULT-VALUE}: docker when its daemon answers and the "
                    + "image is present, else hb_mapper on PATH).")
    ToolchainLocator.Choice toolchain = ToolchainLocator.Choice.AUTO;

    @Option(names = "--image", paramLabel = "IMAGE", description = "OE Docker image (default: ${DEFAULT-VALUE}).")
    String image = Toolchain.DEFAULT_IMAGE;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Folder that holds experiments/ (default: $RDKZOO_HOME, else ~/.cache/rdkzoo).")
    Path workspace;

    /** The toolchain, or exit code 5 with what to install or pull. */
    Toolchain locate(CliContext context) {
        try {
            return new ToolchainLocator(context.env()).locate(toolchain, image);
        } catch (ToolchainUnavailableException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage());
        }
    }

    Path workspace(CliContext context) {
        return workspace != null ? workspace.toAbsolutePath() : context.home();
    }
}
