package org.rdkzoo.cli.board;

import java.nio.file.Path;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.runtime.Libdnn;
import org.rdkzoo.runtime.LibdnnLocator;

import picocli.CommandLine.Option;

/**
 * {@code --libdnn PATH} for the commands that run a {@code .bin} on the BPU ({@code @Mixin LibdnnOption libdnn;}),
 * and the one way they load the library: the option, else {@code RDKZOO_LIBDNN}, else the system
 * ({@link Libdnn#locate}). A missing library is a {@link org.rdkzoo.runtime.LibdnnUnavailableException}, which
 * {@code Main} turns into exit 5 and its message. A stand-in library is announced on stderr, so that its
 * figures are never taken for the board's.
 */
public final class LibdnnOption {
    @Option(names = "--libdnn", paramLabel = "PATH",
            description = "The libdnn.so to use (default: $" + LibdnnLocator.ENV_VAR + ", else libdnn.so on the "
                    + "library path, else /usr/lib/libdnn.so as on the RDK X5).")
    Path path;

    /** Finds and loads libdnn, warning when it is rdkzoo's stand-in. */
    public Libdnn load(CliContext context) {
        Libdnn libdnn = Libdnn.locate(path, context.env());
        if (libdnn.isStandIn()) {
            context.warn(libdnn.location() + " is rdkzoo's libdnn stand-in (" + libdnn.version() + "), not the BPU: "
                    + "its figures are not board figures");
        }
        return libdnn;
    }
}
