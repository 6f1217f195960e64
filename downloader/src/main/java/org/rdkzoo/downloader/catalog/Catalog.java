package org.rdkzoo.downloader.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rdkzoo.downloader.catalog.CatalogReader.CatalogFile;

/**
 * The models rdkzoo knows: the embedded RDK X5 classification catalog, plus any user catalogs that add
 * entries or override fields of existing ones (pinned checksums, mirrors, corrected figures).
 * Names resolve case-insensitively by short id, display name, file stem or file name.
 */
public final class Catalog {
    /** The classpath resource of the embedded catalog. */
    public static final String EMBEDDED_RESOURCE = "/org/rdkzoo/downloader/catalog/rdk-x5-classification.yaml";

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> index;

    private Catalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        this.index = new LinkedHashMap<>();
        for (CatalogEntry e : this.entries) {
            // The id and the name win over file-derived keys of another entry.
            index.put(key(e.id()), e);
        }
        for (CatalogEntry e : this.entries) {
            for (String k : aliases(e)) {
                index.putIfAbsent(key(k), e);
            }
        }
    }

    /** The embedded catalog alone. */
    public static Catalog embedded() {
        return load(List.of());
    }

    /** The embedded catalog with {@code userCatalogs} applied in order (later files win). */
    public static Catalog load(List<Path> userCatalogs) {
        CatalogMerger merger = new CatalogMerger();
        merger.apply(readEmbedded());
        for (Path file : userCatalogs) {
            merger.apply(readFile(file));
        }
        return new Catalog(merger.entries());
    }

    /** A catalog of exactly these entries (tests, and callers that build entries in code). */
    public static Catalog of(List<CatalogEntry> entries) {
        return new Catalog(entries);
    }

    /** The embedded catalog: from its build-time snapshot when that matches the YAML, else from the YAML. */
    static CatalogFile readEmbedded() {
        byte[] yaml = resource(EMBEDDED_RESOURCE);
        if (yaml == null) {
            throw new IllegalStateException("the embedded catalog " + EMBEDDED_RESOURCE + " is missing from the jar");
        }
        byte[] snapshot = resource(CatalogSnapshot.RESOURCE);
        CatalogFile file = snapshot == null ? null : CatalogSnapshot.readIfCurrent(snapshot, yaml);
        return file != null ? file : parseEmbedded(yaml);
    }

    /** The embedded catalog's YAML, parsed. */
    static CatalogFile parseEmbedded(byte[] yaml) {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8)) {
            return CatalogReader.read("embedded catalog " + EMBEDDED_RESOURCE, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CatalogFile readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CatalogReader.read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new CatalogException(file.toString(), 0, 0, "no such catalog file");
        } catch (IOException e) {
            throw new CatalogException(file.toString(), 0, 0, "cannot read the catalog: " + e, e);
        }
    }

    /** Every entry, in catalog order (families as the zoo lists them). */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The family names, in catalog order. */
    public List<String> families() {
        Set<String> families = new LinkedHashSet<>();
        entries.forEach(e -> families.add(e.family()));
        return List.copyOf(families);
    }

    /** The entry a name denotes, if any. */
    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(index.get(key(name)));
    }

    /**
     * The entry a name denotes: its id ({@code efficientnet_b3}), display name, file stem
     * ({@code EfficientNet_B3_224x224_nv12}) or a file name, in any case.
     *
     * @throws UnknownModelException with the closest known names when there is none
     */
    public CatalogEntry resolve(String name) {
        CatalogEntry e = index.get(key(name));
        if (e != null) {
            return e;
        }
        Optional<String> family = families().stream().filter(f -> f.equalsIgnoreCase(name.trim())).findFirst();
        if (family.isPresent()) {
            List<String> members = family(family.get()).stream().map(CatalogEntry::id).toList();
            throw new UnknownModelException("model", name, members, family.get()
                    + " is a family; name one of its models (" + String.join(", ", members)
                    + ") or use --family " + family.get());
        }
        List<String> ids = entries.stream().map(CatalogEntry::id).toList();
        List<String> suggestions = Suggestions.closest(name.trim(), ids);
        if (suggestions.isEmpty()) {
            // A stem typed with a typo is far from every id but close to the right stem.
            List<String> stems = entries.stream().map(CatalogEntry::stem).toList();
            suggestions = Suggestions.closest(name.trim(), stems).stream()
                    .map(s -> find(s).map(CatalogEntry::id).orElse(s)).distinct().toList();
        }
        throw new UnknownModelException("model", name, suggestions, null);
    }

    /**
     * The entries of a family, case-insensitively.
     *
     * @throws UnknownModelException with the closest family names when there is none
     */
    public List<CatalogEntry> family(String family) {
        List<CatalogEntry> members = entries.stream().filter(e -> e.family().equalsIgnoreCase(family.trim())).toList();
        if (members.isEmpty()) {
            throw new UnknownModelException("family", family, Suggestions.closest(family.trim(), families()), null);
        }
        return members;
    }

    /** The entry one of whose artifacts has this file name. */
    public Optional<CatalogEntry> byFile(String fileName) {
        return entries.stream()
                .filter(e -> e.artifacts().stream().anyMatch(a -> a.file().equals(fileName)))
                .findFirst();
    }

    private static List<String> aliases(CatalogEntry e) {
        List<String> keys = new ArrayList<>(List.of(e.name(), e.stem()));
        for (Artifact a : e.artifacts()) {
            keys.add(a.file());
            keys.add(a.stem());
        }
        return keys;
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
