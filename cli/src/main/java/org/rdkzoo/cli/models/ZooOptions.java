package org.rdkzoo.cli.models;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.downloader.cache.ModelCache;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogException;

import picocli.CommandLine.Option;

/**
 * The options of every command that names zoo models ({@code @Mixin ZooOptions zooOptions;}): {@code --catalog FILE}
 * (repeatable; user catalogs that add entries or override fields of the embedded one, after those of
 * {@code $RDKZOO_CATALOG}) and {@code --dir DIR} (the artifact cache).
 */
public final class ZooOptions {
    /** The environment variable with user catalogs, separated like PATH. */
    public static final String CATALOG_ENV = "RDKZOO_CATALOG";

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "A user catalog (YAML) adding models or overriding fields: pinned sha256/size, mirror URLs, "
                    + "figures. Repeatable; later files win. Also read from $" + CATALOG_ENV + " (separated by '"
                    + "${sys:path.separator}').")
    List<Path> catalogs = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The model cache folder (default: $RDKZOO_HOME/models, i.e. ~/.cache/rdkzoo/models).")
    Path dir;

    /** The user catalogs in the order they apply: the environment's, then the flags'. */
    public List<Path> catalogFiles(CliContext context) {
        List<Path> all = new ArrayList<>();
        String env = context.env(CATALOG_ENV);
        if (env != null) {
            for (String p : env.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    all.add(Path.of(p.trim()));
                }
            }
        }
        all.addAll(catalogs);
        return all;
    }

    /** The embedded catalog with the user catalogs applied; a malformed one is a usage error with file:line. */
    public Catalog catalog(CliContext context) {
        try {
            return Catalog.load(catalogFiles(context));
        } catch (CatalogException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    public ModelCache cache(CliContext context) {
        return dir != null ? new ModelCache(dir) : ModelCache.inHome(context.home());
    }

    /** The catalog and the cache together, for resolving names and finding cached files. */
    public ZooModels open(CliContext context) {
        return new ZooModels(catalog(context), cache(context));
    }
}
