package org.rdkzoo.downloader.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.rdkzoo.downloader.catalog.CatalogReader.ArtifactSpec;
import org.rdkzoo.downloader.catalog.CatalogReader.CatalogFile;
import org.rdkzoo.downloader.catalog.CatalogReader.Defaults;
import org.rdkzoo.downloader.catalog.CatalogReader.EntrySpec;

/**
 * The embedded catalog, parsed at build time and stored in a compact binary form beside its YAML.
 *
 * <p>Why: every command that names a model reads the catalog, and in a fresh JVM parsing the 14 KB YAML with
 * SnakeYAML took ~0.14 s of the 0.5 s of {@code rdkzoo models}. The snapshot holds exactly what
 * {@link CatalogReader} makes of the YAML, and the length and CRC-32 of the YAML it was made from: a snapshot
 * that does not match the YAML beside it (a build that skipped this step, an edited resource) is ignored and the
 * YAML is parsed instead. The build writes it ({@link #main}, exec-maven-plugin in the process-classes phase).
 */
final class CatalogSnapshot {
    /** Beside {@link Catalog#EMBEDDED_RESOURCE}. */
    static final String RESOURCE = "/org/rdkzoo/downloader/catalog/rdk-x5-classification.snapshot";

    private static final String MAGIC = "rdkzoo catalog snapshot";
    private static final int VERSION = 1;

    private CatalogSnapshot() {
    }

    /** Build step: {@code CatalogSnapshot CLASSES_DIR} writes the snapshot of the YAML found there. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogSnapshot CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        byte[] yaml = Files.readAllBytes(classes.resolve(Catalog.EMBEDDED_RESOURCE.substring(1)));
        Files.write(classes.resolve(RESOURCE.substring(1)), write(Catalog.parseEmbedded(yaml), yaml));
    }

    /** The snapshot of {@code file}, parsed from {@code yaml}. */
    static byte[] write(CatalogFile file, byte[] yaml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(yaml.length);
            out.writeLong(crc(yaml));
            out.writeUTF(file.origin());
            out.writeInt(file.entries().size());
            for (EntrySpec e : file.entries()) {
                writeEntry(out, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What the snapshot holds, or {@code null} when it was not made from {@code yaml} or is not a snapshot. */
    static CatalogFile readIfCurrent(byte[] snapshot, byte[] yaml) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION || in.readInt() != yaml.length
                    || in.readLong() != crc(yaml)) {
                return null;
            }
            String origin = in.readUTF();
            int n = in.readInt();
            List<EntrySpec> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(readEntry(in));
            }
            return new CatalogFile(origin, List.copyOf(entries));
        } catch (IOException | RuntimeException e) {
            return null; // damaged: the YAML is the source of truth
        }
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static void writeEntry(DataOutputStream out, EntrySpec e) throws IOException {
        string(out, e.origin());
        out.writeInt(e.line());
        string(out, e.id());
        string(out, e.family());
        artifact(out, e.bin());
        artifact(out, e.onnx());
        integer(out, e.inputWidth());
        integer(out, e.inputHeight());
        integer(out, e.classes());
        string(out, e.source());
        out.writeBoolean(e.figures() != null);
        if (e.figures() != null) {
            PublishedFigures f = e.figures();
            for (BigDecimal d : new BigDecimal[] {f.paramsM(), f.floatTop1(), f.quantTop1(), f.latency1tMs(),
                    f.latencyMtMs(), f.fps()}) {
                string(out, d == null ? null : d.toString());
            }
        }
        strings(out, e.notes());
        string(out, e.baseUrl() == null ? null : e.baseUrl().toString());
        out.writeBoolean(e.defaults() != null);
        if (e.defaults() != null) {
            integer(out, e.defaults().inputWidth());
            integer(out, e.defaults().inputHeight());
            integer(out, e.defaults().classes());
            string(out, e.defaults().onnxNote());
        }
    }

    private static EntrySpec readEntry(DataInputStream in) throws IOException {
        String origin = string(in);
        int line = in.readInt();
        String id = string(in);
        String family = string(in);
        ArtifactSpec bin = artifact(in);
        ArtifactSpec onnx = artifact(in);
        Integer width = integer(in);
        Integer height = integer(in);
        Integer classes = integer(in);
        String source = string(in);
        PublishedFigures figures = in.readBoolean() ? new PublishedFigures(decimal(in), decimal(in), decimal(in),
                decimal(in), decimal(in), decimal(in)) : null;
        List<String> notes = strings(in);
        String baseUrl = string(in);
        Defaults defaults = in.readBoolean() ? new Defaults(integer(in), integer(in), integer(in), string(in)) : null;
        return new EntrySpec(origin, line, id, family, bin, onnx, width, height, classes, source, figures, notes,
                baseUrl == null ? null : URI.create(baseUrl), defaults);
    }

    private static void artifact(DataOutputStream out, ArtifactSpec a) throws IOException {
        out.writeBoolean(a != null);
        if (a == null) {
            return;
        }
        out.writeUTF(a.format().name());
        string(out, a.file());
        string(out, a.sha256());
        out.writeBoolean(a.size() != null);
        if (a.size() != null) {
            out.writeLong(a.size());
        }
        List<String> urls = new ArrayList<>();
        a.urls().forEach(u -> urls.add(u.toString()));
        strings(out, urls);
        string(out, a.note());
        out.writeInt(a.line());
    }

    private static ArtifactSpec artifact(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        ArtifactFormat format = ArtifactFormat.valueOf(in.readUTF());
        String file = string(in);
        String sha = string(in);
        Long size = in.readBoolean() ? in.readLong() : null;
        List<URI> urls = new ArrayList<>();
        for (String u : strings(in)) {
            urls.add(URI.create(u));
        }
        return new ArtifactSpec(format, file, sha, size, urls, string(in), in.readInt());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            // writeUTF stops at 64 KB; no catalog field comes near, but a note could.
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeBoolean(list != null);
        if (list != null) {
            out.writeInt(list.size());
            for (String s : list) {
                string(out, s);
            }
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return list;
    }

    private static void integer(DataOutputStream out, Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    private static Integer integer(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        String s = string(in);
        return s == null ? null : new BigDecimal(s);
    }
}
