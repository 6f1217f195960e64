package org.rdkzoo.downloader.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.rdkzoo.downloader.catalog.CatalogReader.ArtifactSpec;
import org.rdkzoo.downloader.catalog.CatalogReader.CatalogFile;
import org.rdkzoo.downloader.catalog.CatalogReader.EntrySpec;

/**
 * Applies catalog files in order. An entry whose id or file names an existing entry overrides only the
 * fields it gives (its URLs are tried before the inherited ones); any other entry is added and must be
 * complete.
 */
final class CatalogMerger {
    private static final Pattern INPUT_SUFFIX = Pattern.compile("_\\d+x\\d+_nv12$");

    private final Map<String, CatalogEntry> byId = new LinkedHashMap<>();

    void apply(CatalogFile file) {
        for (EntrySpec spec : file.entries()) {
            CatalogEntry existing = existing(spec);
            CatalogEntry merged = existing == null ? create(spec) : override(existing, spec);
            if (existing == null && byId.containsKey(merged.id())) {
                throw new CatalogException(spec.origin(), spec.line(), 0, "id '" + merged.id() + "' is already used by "
                        + byId.get(merged.id()).stem());
            }
            byId.put(merged.id(), merged);
        }
    }

    List<CatalogEntry> entries() {
        return new ArrayList<>(byId.values());
    }

    private CatalogEntry existing(EntrySpec spec) {
        List<String> names = new ArrayList<>();
        if (spec.id() != null) {
            names.add(spec.id());
        } else {
            if (spec.bin() != null && spec.bin().file() != null) {
                names.add(spec.bin().file());
            }
            if (spec.onnx() != null && spec.onnx().file() != null) {
                names.add(spec.onnx().file());
            }
        }
        for (String name : names) {
            String key = Catalog.key(name);
            for (CatalogEntry e : byId.values()) {
                if (matches(e, key)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean matches(CatalogEntry e, String key) {
        if (Catalog.key(e.id()).equals(key) || Catalog.key(e.name()).equals(key) || Catalog.key(e.stem()).equals(key)) {
            return true;
        }
        return e.artifacts().stream().anyMatch(a -> Catalog.key(a.file()).equals(key) || Catalog.key(a.stem()).equals(key));
    }

    private CatalogEntry create(EntrySpec spec) {
        if (spec.family() == null) {
            throw missing(spec, "family");
        }
        Artifact bin = spec.bin() == null ? null : newArtifact(spec, spec.bin());
        Artifact onnx = spec.onnx() == null ? null : newArtifact(spec, spec.onnx());
        if (bin == null && onnx == null) {
            throw new CatalogException(spec.origin(), spec.line(), 0,
                    "a new entry needs 'bin' or 'onnx' (a file name); "
                            + (spec.id() == null ? "" : "no existing entry is named '" + spec.id() + "'"));
        }
        Integer width = first(spec.inputWidth(), spec.defaults().inputWidth());
        Integer height = first(spec.inputHeight(), spec.defaults().inputHeight());
        Integer classes = first(spec.classes(), spec.defaults().classes());
        if (width == null) {
            throw missing(spec, "input (WIDTHxHEIGHT, here or under defaults:)");
        }
        if (classes == null) {
            throw missing(spec, "classes (here or under defaults:)");
        }
        String stem = bin != null ? bin.stem() : onnx.stem();
        String name = INPUT_SUFFIX.matcher(stem).replaceFirst("");
        String id = spec.id() != null ? spec.id().trim() : name.toLowerCase(Locale.ROOT);
        return new CatalogEntry(id, spec.family(), name, bin, onnx, width, height, classes, spec.source(),
                spec.figures(), spec.notes(), where(spec));
    }

    private CatalogEntry override(CatalogEntry e, EntrySpec spec) {
        List<String> notes = new ArrayList<>(e.notes());
        notes.addAll(spec.notes());
        return new CatalogEntry(e.id(), first(spec.family(), e.family()), e.name(),
                overrideArtifact(e.bin(), spec, spec.bin()), overrideArtifact(e.onnx(), spec, spec.onnx()),
                first(spec.inputWidth(), e.inputWidth()), first(spec.inputHeight(), e.inputHeight()),
                first(spec.classes(), e.classes()), first(spec.source(), e.source()),
                e.figures().overriddenBy(spec.figures()), notes, e.origin() + ", then " + where(spec));
    }

    private Artifact overrideArtifact(Artifact old, EntrySpec entry, ArtifactSpec spec) {
        if (spec == null) {
            return old;
        }
        if (old == null || (spec.file() != null && !spec.file().equals(old.file()))) {
            // A different file: nothing of the old artifact applies to it.
            return newArtifact(entry, spec);
        }
        Set<URI> urls = new LinkedHashSet<>(spec.urls());
        urls.addAll(old.urls());
        return new Artifact(old.format(), old.file(), List.copyOf(urls), first(spec.sha256(), old.sha256()),
                first(spec.size(), old.size()), first(spec.note(), old.note()));
    }

    private Artifact newArtifact(EntrySpec entry, ArtifactSpec spec) {
        if (spec.file() == null) {
            throw new CatalogException(entry.origin(), spec.line(), 0,
                    "'" + spec.format().id() + "' needs a 'file' name for a new artifact");
        }
        List<URI> urls = new ArrayList<>(spec.urls());
        if (entry.baseUrl() != null) {
            urls.add(Artifact.urlUnder(entry.baseUrl(), spec.file()));
        }
        if (urls.isEmpty()) {
            throw new CatalogException(entry.origin(), spec.line(), 0, "no URL for " + spec.file()
                    + ": give it 'urls:' or set 'base_url:' at the top of the catalog");
        }
        String note = spec.note();
        if (note == null && spec.format() == ArtifactFormat.ONNX) {
            note = entry.defaults().onnxNote();
        }
        return new Artifact(spec.format(), spec.file(), urls, spec.sha256(), spec.size(), note);
    }

    private static CatalogException missing(EntrySpec spec, String field) {
        return new CatalogException(spec.origin(), spec.line(), 0, "a new entry needs " + field);
    }

    private static String where(EntrySpec spec) {
        return spec.origin() + ":" + spec.line();
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
