package org.rdkzoo.cli.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.cache.NotCachedException;
import org.rdkzoo.downloader.catalog.ArtifactFormat;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.downloader.catalog.UnknownModelException;

/**
 * The zoo as other commands see it: a model name to its catalog entry, and to the local path of a
 * cached artifact. Commands of other modules ({@code eval}, {@code mapper init}, {@code bench}) use
 * this and pass plain values (paths, figures) to their module; failures arrive as {@link CliException}s
 * with the right exit code (2 for an unknown name, with suggestions; 5 for a file not in the cache,
 * naming the {@code rdkzoo pull} that fetches it).
 *
 * <pre>{@code
 * @Mixin ZooOptions zooOptions;       // --catalog FILE..., --dir DIR
 * ...
 * ZooModels zoo = zooOptions.open(context);
 * CatalogEntry e = zoo.resolve("efficientnet_b2");        // figures, input size, classes, source
 * Path onnx = zoo.cachedPath("efficientnet_b2", ArtifactFormat.ONNX);
 * }</pre>
 */
public final class ZooModels {
    private final Catalog catalog;
    private final ModelCache cache;

    public ZooModels(Catalog catalog, ModelCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ModelCache cache() {
        return cache;
    }

    /** The entry a name denotes (id, file stem or file name, any case); else exit 2 with suggestions. */
    public CatalogEntry resolve(String name) {
        try {
            return catalog.resolve(name);
        } catch (UnknownModelException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + " (see `rdkzoo models`)", e);
        }
    }

    /**
     * The local path of a cached, recorded artifact.
     *
     * @throws CliException exit 5 "… is not in the cache …: run `rdkzoo pull X`", or exit 2 when the model
     *                      has no such artifact at all
     */
    public Path cachedPath(String name, ArtifactFormat format) {
        CatalogEntry entry = resolve(name);
        try {
            return cache.require(entry, format);
        } catch (NotCachedException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
